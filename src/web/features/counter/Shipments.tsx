import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';

type Shipment = { id: number; direction: 'IN' | 'OUT'; trackingNumber: string; status: string; carrier: string };
const nextStatus: Record<string, string[]> = {
  CREATED: ['IN_TRANSIT', 'DELIVERED', 'LOST'],
  IN_TRANSIT: ['DELIVERED', 'RETURNED_TO_SENDER', 'LOST'],
};

/** A dossier's postal shipments: record one with its tracking number, move it on as the post reports. */
export function Shipments({ dossierId }: { dossierId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['shipments', dossierId],
    queryFn: () => api<{ items: Shipment[] }>(`/api/dossiers/${dossierId}/shipments`),
  });
  const [error, setError] = useState<string | null>(null);
  const run = (promise: Promise<unknown>) =>
    promise.then(
      () => client.invalidateQueries({ queryKey: ['shipments', dossierId] }),
      (e) => setError(messageOf(e)),
    );
  return (
    <section>
      <h2>{t('counter.post')}</h2>
      <ul>
        {query.data?.items.map((s) => (
          <li key={s.id}>
            {t(`counter.direction.${s.direction}`)}: {s.carrier} {s.trackingNumber} —{' '}
            {t(`counter.shipmentStatus.${s.status}`)}{' '}
            {(nextStatus[s.status] ?? []).map((n) => (
              <button
                key={n}
                type="button"
                onClick={() =>
                  void run(
                    api(`/api/dossiers/${dossierId}/shipments/${s.id}`, { method: 'PATCH', body: { status: n } }),
                  )
                }
              >
                {t(`counter.shipmentStatus.${n}`)}
              </button>
            ))}
          </li>
        ))}
      </ul>
      <form
        className="actions"
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          setError(null);
          void run(
            api(`/api/dossiers/${dossierId}/shipments`, {
              method: 'POST',
              body: { direction: d.get('direction'), trackingNumber: String(d.get('tracking')).trim() },
            }),
          );
        }}
      >
        <select name="direction" aria-label={t('counter.post')}>
          {(['OUT', 'IN'] as const).map((d) => (
            <option key={d} value={d}>
              {t(`counter.direction.${d}`)}
            </option>
          ))}
        </select>
        <input
          name="tracking"
          required
          placeholder={t('counter.tracking')}
          aria-label={t('counter.tracking')}
          pattern="[A-Za-z0-9\-]{6,30}"
        />
        <button type="submit">{t('counter.addShipment')}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
