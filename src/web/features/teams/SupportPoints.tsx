import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OnlyVietnamese } from '../../components/OnlyVietnamese.js';
import { api } from '../../lib/api.js';

/** A place where the digital-technology team helps people, and when. */
export type SupportPoint = { id: number; name: string; address: string; hours: string; services: string | null };

/**
 * Support points on the commune's public page (and a campaign's guide): where to get help, and when. Names, addresses
 * and hours are free text the team writes in Vietnamese: marked so, and said so on a page in another language.
 */
export function SupportPoints({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const points = useQuery({
    queryKey: ['public-points', code],
    queryFn: () =>
      api<{ items: (SupportPoint & { unitName: string })[] }>(`/api/public/communes/${code}/support-points`),
  });
  if (!points.data?.items.length) return null;
  return (
    <section data-testid="support-points">
      <h2>{t('teams.pointsPublic')}</h2>
      {i18n.language !== 'vi' && <OnlyVietnamese />}
      <ul lang="vi">
        {points.data.items.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> ({p.unitName}) · {p.address} · {p.hours}
            {p.services ? ` · ${p.services}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
