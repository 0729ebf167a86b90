import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useUnits } from '../units/api.js';

type Broadcast = {
  id: number;
  unitId: number;
  unitName: string;
  airAt: string;
  status: 'PLANNED' | 'AIRED' | 'CANCELLED';
};

/**
 * The loudspeaker schedule of an announcement: the broadcasts the caller sees (for a group head following the
 * commune's announcement, their group's speakers and the commune's), planning one on a unit's speakers they hold,
 * and marking their own aired or cancelled.
 */
export function Broadcasts({ id }: { id: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { notice, run } = useNotice();
  const roots = useUnits();
  const root = roots.data?.[0];
  const children = useUnits(root && root.tier === 'COMMUNE' ? root.id : undefined);
  const own = [...(roots.data ?? []), ...(root?.tier === 'COMMUNE' ? (children.data ?? []) : [])].filter(
    (u) => !u.closedAt,
  );
  const [unitId, setUnitId] = useState<number | null>(null);
  const list = useQuery({
    queryKey: ['broadcasts', id],
    queryFn: () => api<{ items: Broadcast[] }>(`/api/announcements/${id}/broadcasts`),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['broadcasts', id] });
  function plan(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const at = String(new FormData(event.currentTarget).get('airAt'));
    void run(async () => {
      await api(`/api/announcements/${id}/broadcasts`, {
        method: 'POST',
        body: { unitId: unitId ?? own[0]!.id, airAt: [new Date(at).toISOString()] },
      });
      await refresh();
    });
  }
  const mark = (b: Broadcast, status: 'aired' | 'cancelled') =>
    run(async () => {
      await api(`/api/announcements/${id}/broadcasts/${b.id}/${status}`, { method: 'POST' });
      await refresh();
    });
  return (
    <section data-testid="broadcasts">
      <h2>{t('announcements.extra.broadcasts')}</h2>
      <ul>
        {list.data?.items.map((b) => (
          <li key={b.id}>
            {formatDateTime(b.airAt)} · {b.unitName} · {t(`announcements.broadcast_.${b.status}`)}
            {b.status === 'PLANNED' && own.some((u) => u.id === b.unitId) && (
              <>
                {' '}
                <button type="button" onClick={() => void mark(b, 'aired')}>
                  {t('announcements.extra.aired')}
                </button>
                <button type="button" onClick={() => void mark(b, 'cancelled')}>
                  {t('announcements.extra.cancel')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form className="actions" onSubmit={plan}>
        <label>
          {t('announcements.extra.speakers')}
          <select value={unitId ?? own[0]?.id ?? ''} onChange={(e) => setUnitId(Number(e.target.value))}>
            {own.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('announcements.extra.airAt')}
          <input name="airAt" type="datetime-local" required />
        </label>
        <button type="submit" disabled={own.length === 0}>
          {t('announcements.extra.addBroadcast')}
        </button>
      </form>
      <NoticeLine notice={notice} />
    </section>
  );
}
