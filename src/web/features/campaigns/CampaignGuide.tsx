import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { SupportPoints } from '../teams/SupportPoints.js';

type Guide = {
  name: string;
  guide: string;
  deadline: string;
  active: boolean;
  commune: { code: string | null; name: string } | null;
};

/** `/k/<id>`: what a call letter's QR code opens — the steps, the deadline, and where the team helps. */
export function CampaignGuide({ id }: { id: number }) {
  const { t } = useTranslation();
  const guide = useQuery({
    queryKey: ['campaign-guide', id],
    queryFn: () => api<Guide>(`/api/public/campaigns/${id}`),
  });
  const g = guide.data;
  if (!g) return <QueryState isLoading={guide.isLoading} error={guide.error} />;
  return (
    <section data-testid="campaign-guide">
      <h1>{g.name}</h1>
      {g.commune && <p className="muted">{g.commune.name}</p>}
      <p>{g.active ? t('campaigns.guide.deadline', { date: formatDate(g.deadline) }) : t('campaigns.guide.ended')}</p>
      <h2>{t('campaigns.guide.steps')}</h2>
      <ol>
        {g.guide
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => (
            <li key={line}>{line}</li>
          ))}
      </ol>
      {g.commune?.code && <SupportPoints code={g.commune.code} />}
    </section>
  );
}
