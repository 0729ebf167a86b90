import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { vietnamDay } from '../../lib/format.js';

type Appointment = {
  id: number;
  start: string;
  fullName: string;
  phone: string;
  status: 'BOOKED' | 'CANCELLED' | 'CHECKED_IN';
  queueNumber: number | null;
};

/** The counter's appointments of a day, with check-in (a queue number) and tickets for walk-ins. */
export function AppointmentsDesk() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const units = useQuery({
    queryKey: ['counter-units'],
    queryFn: () => api<{ items: { id: number; name: string }[] }>('/api/dossiers/counter-units'),
  });
  const [unit, setUnit] = useState<number | undefined>();
  const [day, setDay] = useState(() => vietnamDay());
  const [ticket, setTicket] = useState<string | null>(null);
  const unitId = unit ?? units.data?.items[0]?.id;
  const list = useQuery({
    queryKey: ['appointments', unitId, day],
    queryFn: () => api<{ items: Appointment[] }>(`/api/appointments?unit=${unitId}&day=${day}`),
    enabled: unitId !== undefined,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['appointments'] });
  return (
    <section>
      <h1>{t('counter.today')}</h1>
      <div className="filters">
        <select
          value={unitId}
          onChange={(e) => setUnit(Number(e.target.value))}
          aria-label={t('dossiers.submit.commune')}
        >
          {units.data?.items.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <label>
          {t('counter.day')}
          <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
      </div>
      <p className="actions">
        <button
          type="button"
          onClick={() =>
            void api<{ queueNumber: number }>('/api/queue-numbers', { method: 'POST', body: { unitId } }).then(
              (r) => setTicket(t('counter.walkInNumber', { n: r.queueNumber })),
              (e) => setTicket(messageOf(e)),
            )
          }
        >
          {t('counter.walkIn')}
        </button>
        {ticket && (
          <strong role="status" className="ok">
            {ticket}
          </strong>
        )}
      </p>
      <QueryState isLoading={list.isLoading} error={list.error} />
      <ul className="cards">
        {list.data?.items.map((a) => (
          <li key={a.id} className="card">
            <strong>{a.start}</strong> · {a.fullName} · <span className="muted">{a.phone}</span>
            <div>
              {t(`counter.status.${a.status}`)}
              {a.queueNumber ? ` · ${t('counter.number', { n: a.queueNumber })}` : ''}
            </div>
            {a.status === 'BOOKED' && (
              <button
                type="button"
                onClick={() => void api(`/api/appointments/${a.id}/check-in`, { method: 'POST' }).then(refresh)}
              >
                {t('counter.checkIn')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
