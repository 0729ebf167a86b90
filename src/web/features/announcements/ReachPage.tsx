import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { Broadcasts } from './Broadcasts.js';
import { DeliveryPanel } from './DeliveryPanel.js';
import { ReachOverTime } from './ReachOverTime.js';

type ToVisit = { householdId: number; address: string; groupName: string | null; headName: string | null };
type Reach = {
  part: boolean;
  totals: { targeted: number; reached: number; read: number; acknowledged: number };
  groups: {
    unitId: number | null;
    name: string;
    targeted: number;
    reached: number;
    read: number;
    acknowledged: number;
  }[];
  notReached: ToVisit[];
  notAcknowledged: ToVisit[];
  waiting: { households: number; byTime: { at: string | null; households: number }[] };
};

/** A list of households for the digital team, with the spreadsheet to take on the round. */
function VisitList({
  id,
  which,
  title,
  households,
}: {
  id: number;
  which: 'not-reached' | 'not-acknowledged';
  title: string;
  households: ToVisit[];
}) {
  const { t } = useTranslation();
  return (
    <section data-testid={which}>
      <h2>
        {title} ({households.length >= 200 ? '200+' : households.length})
      </h2>
      <a href={`/api/announcements/${id}/to-visit?which=${which}`}>{t('announcements.extra.download')}</a>
      <ul>
        {households.map((h) => (
          <li key={h.householdId}>
            <Link href={`/households/${h.householdId}`}>{h.address}</Link>
            {h.headName ? ` · ${h.headName}` : ''}
            {h.groupName ? ` · ${h.groupName}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Reach, group by group, and the households the digital team should visit: for an announcement sent from above, only
 * the caller's units' part (the server counts and lists no other).
 */
export function ReachPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const reach = useQuery({
    queryKey: ['reach', id],
    queryFn: () => api<Reach>(`/api/announcements/${id}/reach`),
    refetchInterval: 30_000,
  });
  const r = reach.data;
  if (!r) return <QueryState isLoading={reach.isLoading} error={reach.error} />;
  return (
    <section>
      <h1>{t('announcements.reach')}</h1>
      {r.part && (
        <p className="muted" data-testid="reach-part">
          {t('announcements.extra.partNote')}
        </p>
      )}
      <table className="table" data-testid="reach">
        <thead>
          <tr>
            <th />
            <th>{t('announcements.targeted')}</th>
            <th>{t('announcements.reached')}</th>
            <th>{t('announcements.read')}</th>
            <th>{t('announcements.acknowledged')}</th>
          </tr>
        </thead>
        <tbody>
          {r.groups.map((g) => (
            <tr key={g.unitId ?? 0}>
              <td>{g.name}</td>
              <td>{g.targeted}</td>
              <td>{g.reached}</td>
              <td>{g.read}</td>
              <td>{g.acknowledged}</td>
            </tr>
          ))}
          <tr>
            <th />
            <th>{r.totals.targeted}</th>
            <th>{r.totals.reached}</th>
            <th>{r.totals.read}</th>
            <th>{r.totals.acknowledged}</th>
          </tr>
        </tbody>
      </table>
      <DeliveryPanel id={id} />
      <ReachOverTime id={id} />
      <p className="actions">
        <a href={`/api/announcements/${id}/bulletin.pdf`} target="_blank" rel="noreferrer">
          {t('announcements.extra.bulletin')}
        </a>
        <a href={`/api/announcements/${id}/audio.wav`}>{t('announcements.extra.audio')}</a>
      </p>
      <Broadcasts id={id} />
      {r.waiting.households > 0 && (
        <section data-testid="waiting">
          <h2>{t('announcements.extra.waiting', { count: r.waiting.households })}</h2>
          <ul>
            {r.waiting.byTime.map((w) => (
              <li key={w.at ?? 'now'}>
                {w.at
                  ? t('announcements.extra.waitingAt', { count: w.households, at: formatDateTime(w.at) })
                  : t('announcements.extra.waitingNow', { count: w.households })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <VisitList id={id} which="not-reached" title={t('announcements.extra.notReached')} households={r.notReached} />
      {r.notAcknowledged.length > 0 && (
        <VisitList
          id={id}
          which="not-acknowledged"
          title={t('announcements.notReached')}
          households={r.notAcknowledged}
        />
      )}
    </section>
  );
}
