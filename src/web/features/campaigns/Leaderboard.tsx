import { formatNumber } from '../../lib/format.js';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';

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

/** The leaderboard: residential groups ranked by their rate, and the digital teams by theirs (top 20 each). */
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
                {formatNumber(g.rate)}% ({g.done}/{g.targets})
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
                <td>{formatNumber(x.rate)}%</td>
                <td>{x.visits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
