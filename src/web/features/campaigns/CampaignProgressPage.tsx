import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatNumber, formatDate } from '../../lib/format.js';
import { can, useMe } from '../auth/useMe.js';
import { Link } from 'wouter';
import { StrandedWarning, useAssignments } from './AssignmentsPage.js';
import { Burndown } from './Burndown.js';
import { Conflicts } from './Conflicts.js';
import { HouseholdsLeft } from './HouseholdsLeft.js';
import { Leaderboard } from './Leaderboard.js';

type Progress = {
  name: string;
  targetRate: number;
  startsOn: string;
  deadline: string;
  total: { targets: number; done: number; rate: number };
  units: { unitId: number | null; name: string; targets: number; done: number; rate: number }[];
};

/** `/campaigns/<id>`: the rate against the target, unit by unit; a unit's row opens the units below it. */
export function CampaignProgressPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const [trail, setTrail] = useState<{ unitId: number; name: string }[]>([]);
  const at = trail.at(-1)?.unitId;
  const progress = useQuery({
    queryKey: ['campaign-progress', id, at],
    queryFn: () => api<Progress>(`/api/campaigns/${id}/progress${at ? `?unitId=${at}` : ''}`),
  });
  const mine = useQuery({
    queryKey: ['campaign-mine', id],
    queryFn: () =>
      api<{
        items: {
          householdId: number;
          address: string;
          unitName: string;
          people: number;
          done: number;
          bestTime: string | null;
        }[];
      }>(`/api/campaigns/${id}/mine`),
  });
  const client = useQueryClient();
  const me = useMe().data;
  const assignments = useAssignments(id, null, can(me, 'campaign.manage'));
  const { notice, run } = useNotice();
  const p = progress.data;
  if (!p) return <QueryState isLoading={progress.isLoading} error={progress.error} />;
  const assign = () =>
    run(async () => {
      const r = await api<{ assigned: number }>(`/api/campaigns/${id}/assign`, { method: 'POST' });
      await client.invalidateQueries({ queryKey: ['campaign-mine', id] });
      await client.invalidateQueries({ queryKey: ['campaign-assignments', id] });
      return t('campaigns.assigned', { count: r.assigned });
    });
  return (
    <section>
      <h1>{p.name}</h1>
      <p className="muted">
        {formatDate(p.startsOn)} → {formatDate(p.deadline)} · {t('campaigns.target', { rate: p.targetRate })}
      </p>
      <p className="actions">
        <button type="button" onClick={() => setTrail([])} disabled={trail.length === 0}>
          {t('campaigns.top')}
        </button>
        {trail.map((s, i) => (
          <button key={s.unitId} type="button" onClick={() => setTrail(trail.slice(0, i + 1))}>
            {s.name}
          </button>
        ))}
      </p>
      <p data-testid="campaign-total">
        <strong>
          {t('campaigns.progress', {
            done: p.total.done,
            targets: p.total.targets,
            rate: formatNumber(p.total.rate),
          })}
        </strong>
      </p>
      <table className="table" data-testid="campaign-units">
        <thead>
          <tr>
            <th />
            <th>{t('campaigns.targets')}</th>
            <th>{t('campaigns.done')}</th>
            <th>{t('campaigns.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {p.units.map((u) => (
            <tr key={u.unitId ?? 0}>
              <td>
                {u.unitId ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => setTrail([...trail, { unitId: u.unitId!, name: u.name }])}
                  >
                    {u.name}
                  </button>
                ) : (
                  t('campaigns.direct')
                )}
              </td>
              <td>{u.targets}</td>
              <td>{u.done}</td>
              <td className={u.rate >= p.targetRate ? 'ok' : ''}>{formatNumber(u.rate)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Burndown id={id} unitId={at} />
      {can(me, 'campaign.manage') && (
        <>
          <StrandedWarning data={assignments.data} />
          <p className="actions">
            <button type="button" onClick={() => void assign()}>
              {t('campaigns.assign')}
            </button>
            <Link href={`/campaigns/${id}/assignments`}>{t('campaigns.assignments.open')}</Link>
          </p>
        </>
      )}
      <NoticeLine notice={notice} />
      {can(me, 'campaign.manage') && <Conflicts id={id} />}
      {can(me, 'resident.read') && <HouseholdsLeft id={id} unitId={at} canRemind={can(me, 'announcement.write')} />}
      <Leaderboard id={id} />
      {(mine.data?.items.length ?? 0) > 0 && (
        <section data-testid="my-households">
          <h2>{t('campaigns.mine')}</h2>
          <ul>
            {mine.data!.items.map((h) => (
              <li key={h.householdId}>
                {h.address} · {h.unitName} · {h.done}/{h.people}
                {h.bestTime ? ` · ${h.bestTime}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
