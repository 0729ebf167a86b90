import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';

type Office = {
  code: string;
  name: string;
  address: string | null;
  phone: string | null;
  counterHours: string;
  saturdayMorning: boolean;
};

/** "07:30-11:30,13:30-17:00" → "07:30–11:30, 13:30–17:00" (an en dash between the ends of a span). */
const spans = (hours: string) => hours.split(',').map((span) => span.replace('-', '–'));

/** The spans as text for the sentence, each kept on one line (a no-break between its ends) on a narrow screen. */
const unbroken = (span: string) => span.replace('–', '\u2060–\u2060');

/**
 * Where the commune's one-stop counter is, its phone (a tap calls it) and when it is open, at the top of the
 * commune's public page: told where they are before anything else.
 */
export function CommuneOffice({ code }: { code: string }) {
  const { t } = useTranslation();
  const office = useQuery({
    queryKey: ['commune-office', code],
    queryFn: () => api<Office>(`/api/public/communes/${code}/office`),
    staleTime: 5 * 60_000,
  });
  const o = office.data;
  if (!o) return null;
  const weekdays = spans(o.counterHours);
  return (
    <section className="card" data-testid="commune-office" aria-label={t('dossiers.office.title')}>
      <h2>{t('dossiers.office.title')}</h2>
      <dl className="facts">
        {o.address && (
          <>
            <dt>{t('dossiers.office.address')}</dt>
            <dd lang="vi">{o.address}</dd>
          </>
        )}
        {o.phone && (
          <>
            <dt>{t('dossiers.office.phone')}</dt>
            <dd>
              <a href={`tel:${o.phone.replace(/[^\d+]/g, '')}`}>{o.phone}</a>
            </dd>
          </>
        )}
        <dt>{t('dossiers.office.hours')}</dt>
        <dd>
          {t('dossiers.office.weekdays', { hours: weekdays.map(unbroken).join(', ') })}
          {o.saturdayMorning && (
            <>
              <br />
              {t('dossiers.office.saturday', { hours: unbroken(weekdays[0] ?? '') })}
            </>
          )}
          <br />
          <span className="muted">
            {o.saturdayMorning ? t('dossiers.office.closedSunday') : t('dossiers.office.closed')}
          </span>
        </dd>
      </dl>
    </section>
  );
}
