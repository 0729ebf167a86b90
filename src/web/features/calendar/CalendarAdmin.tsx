import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';

type Day = { day: string; kind: 'HOLIDAY' | 'WORKDAY'; nameVi: string; nameEn: string; source: 'RULE' | 'ADMIN' };

/** The working calendar of a year: the law's holidays (lunar ones computed) and the swaps staff enter. */
export function CalendarAdmin() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [error, setError] = useState<string | null>(null);
  const days = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => api<{ items: Day[] }>(`/api/public/calendar?year=${year}`),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar'] });
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    setError(null);
    try {
      await api(`/api/calendar/days/${d.get('day')}`, {
        method: 'PUT',
        body: { kind: d.get('kind'), nameVi: String(d.get('nameVi')).trim(), nameEn: String(d.get('nameEn')).trim() },
      });
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  }
  return (
    <section>
      <h1>{t('calendar.title')}</h1>
      <label>
        {t('indicators.year')}
        <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
      </label>
      <QueryState isLoading={days.isLoading} error={days.error} />
      <table className="table">
        <tbody>
          {days.data?.items.map((d) => (
            <tr key={d.day}>
              <td>{formatDate(d.day)}</td>
              <td>{i18n.language === 'en' ? d.nameEn : d.nameVi}</td>
              <td>{t(`calendar.kind.${d.kind}`)}</td>
              <td className="muted">{t(`calendar.source.${d.source}`)}</td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    void api(`/api/calendar/days/${d.day}`, { method: 'DELETE' }).then(refresh, (e) =>
                      setError(messageOf(e)),
                    )
                  }
                >
                  {t('calendar.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card" onSubmit={add}>
        <h2>{t('calendar.addDay')}</h2>
        <label>
          {t('counter.day')}
          <input name="day" type="date" required />
        </label>
        <label>
          {t('calendar.kind.HOLIDAY')} / {t('calendar.kind.WORKDAY')}
          <select name="kind">
            {(['HOLIDAY', 'WORKDAY'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`calendar.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('calendar.dayName')}
          <input name="nameVi" required minLength={2} maxLength={200} />
        </label>
        <label>
          {t('calendar.dayNameEn')}
          <input name="nameEn" required minLength={2} maxLength={200} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit">
          {t('calendar.addDay')}
        </button>
      </form>
    </section>
  );
}
