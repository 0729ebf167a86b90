import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HouseholdKind } from '../../../shared/enums.js';
import { api } from '../../lib/api.js';
import { UnitTree } from '../units/UnitTree.js';
import type { Unit } from '../units/api.js';
import { ActionForm } from './ActionForm.js';

/** A new household: its group or alley, address, number and kind; its people are added one by one afterwards. */
export function NewHousehold({ onCreated, onCancel }: { onCreated: (id: number) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [unit, setUnit] = useState<Unit | null>(null);
  const [f, setF] = useState({ address: '', code: '', kind: 'FAMILY', establishedOn: '' });
  const create = useMutation({
    mutationFn: () =>
      api<{ id: number }>('/api/households', {
        method: 'POST',
        body: {
          unitId: unit?.id,
          address: f.address,
          code: f.code.trim() || undefined,
          kind: f.kind,
          establishedOn: f.establishedOn || undefined,
        },
      }),
    onSuccess: (h) => {
      void client.invalidateQueries({ queryKey: ['households'] });
      onCreated(h.id);
    },
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <ActionForm
      title={t('households.add.title')}
      confirmText={() =>
        t('households.add.confirm', {
          kind: t(`householdKind.${f.kind as HouseholdKind}`).toLowerCase(),
          address: f.address,
          unit: unit?.name ?? '—',
        })
      }
      onConfirm={() => create.mutate()}
      onCancel={onCancel}
      pending={create.isPending}
      error={create.error}
    >
      <fieldset>
        <legend>{t('households.add.unit')}</legend>
        <p className={unit ? 'confirm' : 'muted'}>{unit?.name ?? t('households.add.pickUnit')}</p>
        <UnitTree
          onSelect={(u) => (u.tier === 'COMMUNITY' || u.tier === 'ZONE' ? setUnit(u) : undefined)}
          selected={unit?.id}
        />
      </fieldset>
      <label>
        {t('households.add.address')}
        <input value={f.address} onChange={set('address')} required minLength={3} maxLength={300} />
      </label>
      <label>
        {t('households.code')}
        <input value={f.code} onChange={set('code')} maxLength={30} />
      </label>
      <label>
        {t('households.kind')}
        <select value={f.kind} onChange={set('kind')}>
          {Object.values(HouseholdKind).map((k) => (
            <option key={k} value={k}>
              {t(`householdKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('households.add.establishedOn')}
        <input type="date" value={f.establishedOn} onChange={set('establishedOn')} />
      </label>
    </ActionForm>
  );
}
