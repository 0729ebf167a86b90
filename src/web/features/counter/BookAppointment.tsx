import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useFormErrors } from '../../lib/form-errors.js';
import { useCommunes } from '../dossiers/api.js';

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
  const errors = useFormErrors({ day: 'slot', start: 'slot' });
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
    const rules = {
      fullName: { value: String(data.get('fullName') ?? ''), required: true },
      phone: { value: String(data.get('phone') ?? ''), required: true, rule: 'phone' as const },
    };
    if (!errors.check(rules)) return;
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
      errors.fromError(e, Object.keys(rules));
    }
  }
  if (done) {
    return (
      <section className="card" data-testid="booked">
        <p className="ok">
          {cancelled ? t('counter.cancelled') : t('counter.booked', { start: done.start, day: formatDate(done.day) })}
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
            {t('counter.cancel')}
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
      <h1>{t('counter.bookTitle')}</h1>
      <label>
        {t('dossiers.submit.commune')}
        <select
          value={code}
          onChange={(e) => {
            setUnitCode(e.target.value);
            setSlot(null);
          }}
        >
          <option value="">{t('dossiers.submit.chooseCommune')}</option>
          {communes.data?.items.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <QueryState isLoading={slots.isLoading && !!code} error={slots.error} />
      {slots.data && days.length === 0 && <p className="muted">{t('counter.noSlots')}</p>}
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
                  title={s.available ? t('counter.left', { count: s.available }) : t('counter.full')}
                >
                  {s.start}
                </button>
              ))}
          </div>
        </fieldset>
      ))}
      {slot && (
        <form className="card" onSubmit={book} noValidate>
          <p>
            <strong>
              {slot.start} · {formatDate(slot.day)}
            </strong>
          </p>
          <label>
            {t('dossiers.submit.fullName')}
            <input
              name="fullName"
              required
              minLength={2}
              maxLength={120}
              autoComplete="name"
              {...errors.props('fullName')}
            />
            {errors.message('fullName')}
          </label>
          <label>
            {t('dossiers.submit.phone')}
            <input
              name="phone"
              type="tel"
              required
              inputMode="tel"
              maxLength={20}
              autoComplete="tel"
              {...errors.props('phone')}
            />
            {errors.message('phone')}
          </label>
          {errors.summary()}
          <button className="primary" type="submit">
            {t('counter.book')}
          </button>
        </form>
      )}
    </section>
  );
}
