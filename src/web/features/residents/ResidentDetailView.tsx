import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { formatDate, formatPhone } from '../../lib/format.js';
import { useResident } from './api.js';

export function ResidentDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data: r, isLoading, error } = useResident(id);
  if (!r) return <QueryState isLoading={isLoading} error={error} />;
  return (
    <article>
      <h1>{r.fullName}</h1>
      <dl className="facts">
        <dt>{t('residents.birthDate')}</dt>
        <dd>{formatDate(r.birthDate)}</dd>
        <dt>{t('residents.gender')}</dt>
        <dd>{t(`gender.${r.gender}`)}</dd>
        <dt>{t('residents.personalId')}</dt>
        <dd>{r.personalId ?? '—'}</dd>
        <dt>{t('residents.phone')}</dt>
        <dd>{r.phone ? <a href={`tel:${r.phone}`}>{formatPhone(r.phone)}</a> : '—'}</dd>
        <dt>{t('vneid.label')}</dt>
        <dd>
          {t(`vneid.${r.vneidLevel}`)}
          {r.vneidCheckedOn ? ` (${t('residents.checkedOn', { date: formatDate(r.vneidCheckedOn) })})` : ''}
        </dd>
        <dt>{t('residents.smartphone')}</dt>
        <dd>{r.hasSmartphone === null ? t('common.unknown') : r.hasSmartphone ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('residents.unit')}</dt>
        <dd>{r.unitName}</dd>
        <dt>{t('residents.address')}</dt>
        <dd>{r.householdId ? <Link href={`/households/${r.householdId}`}>{r.address}</Link> : '—'}</dd>
        {r.tags.length > 0 && (
          <>
            <dt>{t('residents.tags')}</dt>
            <dd>
              {r.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {r.sensitive && (
        <section className="card sensitive">
          <h2>{t('residents.sensitive')}</h2>
          <dl className="facts">
            <dt>{t('residents.ethnicity')}</dt>
            <dd>{r.sensitive.ethnicity ?? '—'}</dd>
            <dt>{t('residents.health')}</dt>
            <dd>{r.sensitive.healthNotes ?? '—'}</dd>
          </dl>
        </section>
      )}
      <h2>{t('residents.memberships')}</h2>
      <ol className="timeline">
        {r.memberships.map((m) => (
          <li key={m.id}>
            <Link href={`/households/${m.householdId}`}>{m.address}</Link> — {t(`relation.${m.relation}`)},{' '}
            {t(`residence.${m.residenceType}`)}
            <div className="muted">
              {t('residents.since', { date: formatDate(m.joinedOn) })}{' '}
              {m.leftOn ? t('residents.until', { date: formatDate(m.leftOn) }) : t('residents.now')}
              {m.leftReason ? ` · ${m.leftReason}` : ''}
            </div>
          </li>
        ))}
      </ol>
    </article>
  );
}
