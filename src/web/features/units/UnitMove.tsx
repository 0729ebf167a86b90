import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { ActionForm } from '../households/ActionForm.js';
import type { Unit } from './api.js';
import { UnitTree } from './UnitTree.js';

/**
 * Moves a group or an alley under another unit (`PATCH /api/units/:id` with a new parent): its code, households and
 * people move with it, and the server refuses a move into its own subtree or to a place its kind cannot sit.
 */
export function UnitMove({ unit, onMoved }: { unit: Unit; onMoved: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [parent, setParent] = useState<Unit | null>(null);
  const move = useMutation({
    mutationFn: () => api<Unit>(`/api/units/${unit.id}`, { method: 'PATCH', body: { parentId: parent!.id } }),
    onSuccess: (u) => {
      void client.invalidateQueries({ queryKey: ['units'] });
      setOpen(false);
      onMoved(u);
    },
  });
  if (!open) {
    return (
      <p className="actions">
        <button type="button" onClick={() => setOpen(true)}>
          {t('units.move')}
        </button>
      </p>
    );
  }
  return (
    <ActionForm
      title={t('units.move')}
      confirmText={() => t('units.moveConfirm', { unit: unit.name, parent: parent?.name ?? '—' })}
      onConfirm={() => move.mutate()}
      onCancel={() => setOpen(false)}
      pending={move.isPending}
      error={move.error}
    >
      <fieldset>
        <legend>{t('units.moveTo')}</legend>
        {parent && <p className="confirm">{parent.name}</p>}
        <UnitTree onSelect={(u) => (u.id !== unit.id ? setParent(u) : undefined)} selected={parent?.id} />
      </fieldset>
    </ActionForm>
  );
}
