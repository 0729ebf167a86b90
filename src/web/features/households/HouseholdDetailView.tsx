import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { formatBirthDate, formatDate } from '../../lib/format.js';
import { useHousehold } from './api.js';
import { HouseholdActions } from './HouseholdActions.js';
import { HouseholdHistory } from './HouseholdHistory.js';

/** A household and its members over time: who lives here now, who lived here before. */
export function HouseholdDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data: h, isLoading, error } = useHousehold(id);
  if (!h) return <QueryState isLoading={isLoading} error={error} />;
  const current = h.members.filter((m) => !m.leftOn);
  const past = h.members.filter((m) => m.leftOn);
  const boarding = h.kind === 'BOARDING_HOUSE';
  // Each table scrolls sideways in its own box on a 360-px phone; the heading and the buttons above stay put.
  const table = (rows: typeof h.members, showLeft: boolean) => (
    <div className="scroll">
      <table className="table">
        <thead>
          <tr>
            <th>{t('residents.fullName')}</th>
            <th>{t('residents.birthDate')}</th>
            <th>{t('households.relation')}</th>
            <th>{t('households.residence')}</th>
            <th>{t('households.joined')}</th>
            {showLeft && <th>{t('households.left')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.membershipId}>
              <td>
                <Link href={`/residents/${m.residentId}`}>{m.fullName}</Link>
              </td>
              <td>{formatBirthDate(m.birthDate)}</td>
              <td>{t(`relation.${m.relation}`)}</td>
              <td>{t(`residence.${m.residenceType}`)}</td>
              <td>
                {m.joinedOn ? formatDate(m.joinedOn) : t('residents.sinceUnknown')}
                {m.cameFrom ? ` ← ${m.cameFrom}` : ''}
              </td>
              {showLeft && (
                <td>
                  {formatDate(m.leftOn)}
                  {m.leftReason ? ` · ${m.leftReason === 'DIED' ? t('households.died') : m.leftReason}` : ''}
                  {m.wentTo ? ` → ${m.wentTo}` : ''}
                  {m.wentToHousehold && (
                    <>
                      {' → '}
                      <Link href={`/households/${m.wentToHousehold.id}`}>{m.wentToHousehold.address}</Link>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <article>
      <h1>{h.address}</h1>
      <p>
        {t(`householdKind.${h.kind}`)} · {h.unitName}
        {h.code ? ` · ${t('households.code')} ${h.code}` : ''}
      </p>
      <p>{h.headName ? `${t('households.head')}: ${h.headName}` : t('households.noHead')}</p>
      {h.dissolvedOn && <p className="muted">{t('households.dissolved', { date: formatDate(h.dissolvedOn) })}</p>}
      <HouseholdActions h={h} />
      <h2>
        {boarding ? t('households.currentTenants') : t('households.current')} ({current.length})
      </h2>
      {table(current, false)}
      {past.length > 0 && (
        <>
          <h2>
            {boarding ? t('households.pastTenants') : t('households.past')} ({past.length})
          </h2>
          {table(past, true)}
        </>
      )}
      <HouseholdHistory about={{ household: h.id }} />
    </article>
  );
}
