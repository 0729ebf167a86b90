import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDate, vietnamDay } from '../../lib/format.js';
import { useCommunes } from './api.js';

type Slot = { day: string; start: string; available: number };

/** A citizen books a time at the counter: commune, then a free slot, then name and phone. No account. */
export function BookAppointment() {
  const { t } = useTranslation();
  const communes = useCommunes();
  const [unitCode, setUnitCode] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [done, setDone] = useState<{ token: string; day: string; start: string } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const code = unitCode || (communes.data?.items.length === 1 ? communes.data.items[0]!.code : '');
  const slots = useQuery({
    queryKey: ['slots', code],
    queryFn: () => api<{ items: Slot[] }>(`/api/public/appointments/slots?unitCode=${code}`),
    enabled: !!code,
  });
  const days = [...new Set((slots.data?.items ?? []).map((s) => s.day))];

  async function book(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    try {
      setDone(
        await api('/api/public/appointments', {
          method: 'POST',
          body: {
            unitCode: code,
            day: slot!.day,
            start: slot!.start,
            fullName: String(data.get('fullName')).trim(),
            phone: String(data.get('phone')).trim(),
          },
        }),
      );
    } catch (e) {
      setError(messageOf(e));
    }
  }
  if (done) {
    return (
      <section className="card" data-testid="booked">
        <p className="ok">
          {cancelled
            ? t('onestop.counter.cancelled')
            : t('onestop.counter.booked', { start: done.start, day: formatDate(done.day) })}
        </p>
        {!cancelled && (
          <button
            type="button"
            onClick={() =>
              void api(`/api/public/appointments/${done.token}/cancel`, { method: 'POST' }).then(
                () => setCancelled(true),
                (e) => setError(messageOf(e)),
              )
            }
          >
            {t('onestop.counter.cancel')}
          </button>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }
  return (
    <section>
      <h1>{t('onestop.counter.bookTitle')}</h1>
      <label>
        {t('onestop.submit.commune')}
        <select
          value={code}
          onChange={(e) => {
            setUnitCode(e.target.value);
            setSlot(null);
          }}
        >
          <option value="">{t('onestop.submit.chooseCommune')}</option>
          {communes.data?.items.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <QueryState isLoading={slots.isLoading && !!code} error={slots.error} />
      {slots.data && days.length === 0 && <p className="muted">{t('onestop.counter.noSlots')}</p>}
      {days.map((day) => (
        <fieldset key={day}>
          <legend>{formatDate(day)}</legend>
          <div className="actions">
            {slots
              .data!.items.filter((s) => s.day === day)
              .map((s) => (
                <button
                  key={s.start}
                  type="button"
                  disabled={s.available === 0}
                  aria-pressed={slot?.day === day && slot.start === s.start}
                  onClick={() => setSlot(s)}
                  title={s.available ? t('onestop.counter.left', { count: s.available }) : t('onestop.counter.full')}
                >
                  {s.start}
                </button>
              ))}
          </div>
        </fieldset>
      ))}
      {slot && (
        <form className="card" onSubmit={book}>
          <p>
            <strong>
              {slot.start} · {formatDate(slot.day)}
            </strong>
          </p>
          <label>
            {t('onestop.submit.fullName')}
            <input name="fullName" required minLength={2} maxLength={120} />
          </label>
          <label>
            {t('onestop.submit.phone')}
            <input name="phone" required inputMode="tel" maxLength={20} />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button className="primary" type="submit">
            {t('onestop.counter.book')}
          </button>
        </form>
      )}
    </section>
  );
}

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
      <h1>{t('onestop.counter.today')}</h1>
      <div className="filters">
        <select
          value={unitId}
          onChange={(e) => setUnit(Number(e.target.value))}
          aria-label={t('onestop.submit.commune')}
        >
          {units.data?.items.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <label>
          {t('onestop.counter.day')}
          <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
      </div>
      <p className="actions">
        <button
          type="button"
          onClick={() =>
            void api<{ queueNumber: number }>('/api/queue-numbers', { method: 'POST', body: { unitId } }).then(
              (r) => setTicket(t('onestop.counter.walkInNumber', { n: r.queueNumber })),
              (e) => setTicket(messageOf(e)),
            )
          }
        >
          {t('onestop.counter.walkIn')}
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
              {t(`onestop.counter.status.${a.status}`)}
              {a.queueNumber ? ` · ${t('onestop.counter.number', { n: a.queueNumber })}` : ''}
            </div>
            {a.status === 'BOOKED' && (
              <button
                type="button"
                onClick={() => void api(`/api/appointments/${a.id}/check-in`, { method: 'POST' }).then(refresh)}
              >
                {t('onestop.counter.checkIn')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

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
      <h2>{t('onestop.counter.post')}</h2>
      <ul>
        {query.data?.items.map((s) => (
          <li key={s.id}>
            {t(`onestop.counter.direction.${s.direction}`)}: {s.carrier} {s.trackingNumber} —{' '}
            {t(`onestop.counter.shipmentStatus.${s.status}`)}{' '}
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
                {t(`onestop.counter.shipmentStatus.${n}`)}
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
        <select name="direction" aria-label={t('onestop.counter.post')}>
          {(['OUT', 'IN'] as const).map((d) => (
            <option key={d} value={d}>
              {t(`onestop.counter.direction.${d}`)}
            </option>
          ))}
        </select>
        <input
          name="tracking"
          required
          placeholder={t('onestop.counter.tracking')}
          aria-label={t('onestop.counter.tracking')}
          pattern="[A-Za-z0-9\-]{6,30}"
        />
        <button type="submit">{t('onestop.counter.addShipment')}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
