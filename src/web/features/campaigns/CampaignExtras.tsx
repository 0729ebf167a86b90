import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDate, formatDateTime } from '../../lib/format.js';

type History = {
  targets: number;
  goal: number;
  done: number;
  deadline: string;
  daysLeft: number;
  paceNeeded: number | null;
  paceSoFar: number;
  days: { day: string; done: number; total: number; left: number }[];
};
type Left = {
  householdId: number;
  address: string;
  unitName: string;
  people: string[];
  lastOutcome: string | null;
  bestTime: string | null;
  lastVisitAt: string | null;
  member: string | null;
};
type Board = {
  groups: {
    rank: number;
    unitId: number;
    name: string;
    communeName: string;
    rate: number;
    done: number;
    targets: number;
  }[];
  teams: { rank: number; teamId: number; name: string; rate: number; done: number; visits: number }[];
};
type Conflict = {
  id: string;
  address: string;
  unitName: string;
  recordedBy: string | null;
  visitedAt: string;
  outcome: string;
  note: string | null;
  conflict: string;
};

const q = (unitId?: number) => (unitId ? `?unitId=${unitId}` : '');

/** The burndown: what is left to the goal, day by day, against a straight line from the start to the deadline. */
export function Burndown({ id, unitId }: { id: number; unitId?: number }) {
  const { t } = useTranslation();
  const h = useQuery({
    queryKey: ['campaign-history', id, unitId],
    queryFn: () => api<History>(`/api/campaigns/${id}/history${q(unitId)}`),
  }).data;
  if (!h) return null;
  const width = 600;
  const height = 160;
  const pad = 8;
  const span = Math.max(h.days.length - 1 + h.daysLeft, 1);
  const x = (i: number) => pad + (i / span) * (width - 2 * pad);
  const y = (left: number) => height - pad - (h.goal ? (left / h.goal) * (height - 2 * pad) : 0);
  const line = h.days.map((d, i) => `${x(i)},${y(d.left)}`).join(' ');
  return (
    <section data-testid="campaign-burndown">
      <h2>{t('campaigns.burndown')}</h2>
      <svg
        className="burndown"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('campaigns.burndownLabel', { left: Math.max(h.goal - h.done, 0), goal: h.goal })}
      >
        <line x1={x(0)} y1={y(h.goal)} x2={x(span)} y2={y(0)} stroke="#94a3b8" strokeDasharray="6 4" />
        <polyline points={line} fill="none" stroke="#b91c1c" strokeWidth={3} />
      </svg>
      <p>
        {t('campaigns.goal', { done: h.done, goal: h.goal, targets: h.targets })} ·{' '}
        {h.paceNeeded === null
          ? t('campaigns.overdue')
          : t('campaigns.pace', { needed: h.paceNeeded, soFar: h.paceSoFar.toLocaleString('vi-VN'), days: h.daysLeft })}
      </p>
      <details>
        <summary>{t('campaigns.daily')}</summary>
        <table className="table">
          <tbody>
            {h.days
              .filter((d) => d.done)
              .map((d) => (
                <tr key={d.day}>
                  <td>{formatDate(d.day)}</td>
                  <td>+{d.done}</td>
                  <td>{d.total}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

export function Leaderboard({ id }: { id: number }) {
  const { t } = useTranslation();
  const b = useQuery({
    queryKey: ['campaign-board', id],
    queryFn: () => api<Board>(`/api/campaigns/${id}/leaderboard`),
  }).data;
  if (!b?.groups.length) return null;
  return (
    <section data-testid="campaign-leaderboard">
      <h2>{t('campaigns.leaderboard')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('campaigns.group')}</th>
            <th>{t('campaigns.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {b.groups.slice(0, 20).map((g) => (
            <tr key={g.unitId}>
              <td>{g.rank}</td>
              <td>
                {g.name} <span className="muted">{g.communeName}</span>
              </td>
              <td>
                {g.rate.toLocaleString('vi-VN')}% ({g.done}/{g.targets})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {b.teams.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('campaigns.team')}</th>
              <th>{t('campaigns.rate')}</th>
              <th>{t('campaigns.visits')}</th>
            </tr>
          </thead>
          <tbody>
            {b.teams.slice(0, 20).map((x) => (
              <tr key={x.teamId}>
                <td>{x.rank}</td>
                <td>{x.name}</td>
                <td>{x.rate.toLocaleString('vi-VN')}%</td>
                <td>{x.visits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The households left under a unit, with the call letters to print and a reminder to send. */
export function HouseholdsLeft({ id, unitId, canRemind }: { id: number; unitId?: number; canRemind: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const left = useQuery({
    queryKey: ['campaign-left', id, unitId, page],
    queryFn: () =>
      api<{ items: Left[]; hasMore: boolean }>(
        `/api/campaigns/${id}/left?page=${page}&limit=50${unitId ? `&unitId=${unitId}` : ''}`,
      ),
  }).data;
  const { notice, run } = useNotice();
  const remind = () =>
    run(async () => {
      const r = await api<{ households: number }>(`/api/campaigns/${id}/remind`, {
        method: 'POST',
        body: unitId ? { unitId } : {},
      });
      return t('campaigns.reminded', { count: r.households });
    });
  if (!left) return null;
  return (
    <section data-testid="campaign-left">
      <h2>{t('campaigns.left')}</h2>
      <p className="actions">
        <a className="button" href={`/api/campaigns/${id}/letters.pdf${q(unitId)}`} target="_blank" rel="noreferrer">
          {t('campaigns.letters')}
        </a>
        {canRemind && (
          <button type="button" onClick={() => void remind()}>
            {t('campaigns.remind')}
          </button>
        )}
      </p>
      <NoticeLine notice={notice} />
      <ul className="cards">
        {left.items.map((h) => (
          <li key={h.householdId} className="card">
            <strong>{h.address}</strong> <span className="muted">{h.unitName}</span>
            <div>{h.people.join(', ')}</div>
            <div className="muted">
              {h.lastOutcome ? t(`field.outcomes.${h.lastOutcome}`) : t('campaigns.notVisited')}
              {h.bestTime ? ` · ${t('field.bestTimeWas', { time: h.bestTime })}` : ''}
              {h.lastVisitAt ? ` · ${formatDateTime(h.lastVisitAt)}` : ''}
              {h.member ? ` · ${h.member}` : ''}
            </div>
          </li>
        ))}
      </ul>
      <p className="pager">
        <button type="button" disabled={page === 1} onClick={() => setPage(page - 1)}>
          ‹
        </button>
        <button type="button" disabled={!left.hasMore} onClick={() => setPage(page + 1)}>
          ›
        </button>
      </p>
    </section>
  );
}

/** Visits made against a changed household or person: the group head applies or dismisses each. */
export function Conflicts({ id }: { id: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['campaign-conflicts', id],
    queryFn: () => api<{ items: Conflict[] }>(`/api/campaigns/${id}/conflicts`),
  }).data;
  const { notice, run } = useNotice();
  if (!list?.items.length) return null;
  const decide = (visitId: string, action: 'APPLY' | 'DISMISS') =>
    run(async () => {
      await api(`/api/campaigns/${id}/visits/${visitId}/resolve`, { method: 'POST', body: { action } });
      await client.invalidateQueries({ queryKey: ['campaign-conflicts', id] });
      await client.invalidateQueries({ queryKey: ['campaign-progress', id] });
    });
  return (
    <section data-testid="campaign-conflicts">
      <h2>{t('campaigns.conflicts')}</h2>
      <NoticeLine notice={notice} />
      <ul className="cards">
        {list.items.map((c) => (
          <li key={c.id} className="card">
            <strong>{c.address}</strong> · {t(`field.outcomes.${c.outcome}`)} · {formatDateTime(c.visitedAt)} ·{' '}
            {c.recordedBy}
            <div className="muted">
              {t(`campaigns.conflictReasons.${c.conflict}`)}
              {c.note ? ` · ${c.note}` : ''}
            </div>
            <p className="actions">
              <button type="button" className="primary" onClick={() => void decide(c.id, 'APPLY')}>
                {t('campaigns.apply')}
              </button>
              <button type="button" onClick={() => void decide(c.id, 'DISMISS')}>
                {t('campaigns.dismiss')}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
