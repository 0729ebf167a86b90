import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OnlyVietnamese } from '../../components/OnlyVietnamese.js';
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
  const { t, i18n } = useTranslation();
  const guide = useQuery({
    queryKey: ['campaign-guide', id],
    queryFn: () => api<Guide>(`/api/public/campaigns/${id}`),
  });
  const g = guide.data;
  if (!g) return <QueryState isLoading={guide.isLoading} error={guide.error} />;
  // The commune writes a campaign's name and steps in Vietnamese only: other readers are told so, and screen readers
  // read those parts with a Vietnamese voice.
  const own = i18n.language === 'vi' ? undefined : 'vi';
  return (
    <section data-testid="campaign-guide">
      <h1 lang={own}>{g.name}</h1>
      {g.commune && <p className="muted">{g.commune.name}</p>}
      {own && <OnlyVietnamese />}
      <p>{g.active ? t('campaigns.guide.deadline', { date: formatDate(g.deadline) }) : t('campaigns.guide.ended')}</p>
      <h2>{t('campaigns.guide.steps')}</h2>
      <ol lang={own}>
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
