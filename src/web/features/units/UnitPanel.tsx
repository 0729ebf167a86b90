import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../shared/enums.js';
import { api, messageOf } from '../../lib/api.js';
import type { Unit } from './api.js';
import { UnitMove } from './UnitMove.js';

/** What a commune official does to a unit: add a group or alley below it, move, rename or close it. */
export function UnitPanel({ unit, onChanged }: { unit: Unit; onChanged: (unit: Unit | null) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(unit.name);
  const [child, setChild] = useState({ code: '', name: '', kind: unit.tier === 'COMMUNE' ? 'THON' : 'ZONE' });
  const [reason, setReason] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['units'] });
  const rename = useMutation({
    mutationFn: () => api<Unit>(`/api/units/${unit.id}`, { method: 'PATCH', body: { name } }),
    onSuccess: (u) => {
      void refresh();
      onChanged(u);
    },
  });
  const add = useMutation({
    mutationFn: () => api<Unit>('/api/units', { method: 'POST', body: { parentId: unit.id, ...child } }),
    onSuccess: () => {
      setChild({ ...child, code: '', name: '' });
      void refresh();
    },
  });
  const close = useMutation({
    mutationFn: () => api(`/api/units/${unit.id}/close`, { method: 'POST', body: { reason } }),
    onSuccess: () => {
      void refresh();
      onChanged(null);
    },
  });
  const error = rename.error ?? add.error ?? close.error;
  const submit = (action: () => void) => (e: FormEvent) => {
    e.preventDefault();
    action();
  };
  const childKinds =
    unit.tier === 'COMMUNE' ? ['THON', 'TO_DAN_PHO', 'AP', 'BAN', 'BUON', 'SOC', 'KHU_PHO', 'KHOM'] : ['ZONE'];
  return (
    <section className="card" data-testid="unit-panel">
      <h2>
        {unit.name}{' '}
        <span className="muted">
          ({t(`unitKind.${unit.kind}`)} · {unit.code})
        </span>
      </h2>
      {error && (
        <p className="error" role="alert">
          {messageOf(error)}
        </p>
      )}
      {(unit.tier === 'COMMUNE' || unit.tier === 'COMMUNITY' || unit.tier === 'ZONE') && (
        <form onSubmit={submit(() => add.mutate())}>
          <h3>{t('units.addChild')}</h3>
          <label>
            {t('units.kind')}
            <select value={child.kind} onChange={(e) => setChild({ ...child, kind: e.target.value })}>
              {childKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`unitKind.${k as UnitKind}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('units.code')}
            <input
              value={child.code}
              onChange={(e) => setChild({ ...child, code: e.target.value })}
              required
              maxLength={20}
              pattern="[A-Za-z0-9_\-]+"
            />
          </label>
          <label>
            {t('units.name')}
            <input value={child.name} onChange={(e) => setChild({ ...child, name: e.target.value })} required />
          </label>
          <button type="submit" className="primary" disabled={add.isPending}>
            {t('common.create')}
          </button>
        </form>
      )}
      {(unit.tier === 'COMMUNITY' || unit.tier === 'ZONE') && <UnitMove unit={unit} onMoved={onChanged} />}
      {unit.tier !== 'NATION' && unit.tier !== 'PROVINCE' && (
        <>
          <form onSubmit={submit(() => rename.mutate())}>
            <h3>{t('units.rename')}</h3>
            <label>
              {t('units.name')}
              <input value={name} onChange={(e) => setName(e.target.value)} required />
            </label>
            <button type="submit" disabled={rename.isPending}>
              {t('common.save')}
            </button>
          </form>
          <form onSubmit={submit(() => close.mutate())}>
            <h3>{t('units.close')}</h3>
            <label>
              {t('units.closeReason')}
              <input value={reason} onChange={(e) => setReason(e.target.value)} required />
            </label>
            <button type="submit" disabled={close.isPending}>
              {t('units.close')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
