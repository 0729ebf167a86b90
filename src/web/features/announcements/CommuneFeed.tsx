import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { publicScorecardQuery } from '../scorecards/public/ScorecardPublicPage.js';
import { useTranslation } from 'react-i18next';
import { OnlyVietnamese } from '../../components/OnlyVietnamese.js';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useCitizen } from '../citizens/useCitizen.js';
import { CommuneOffice } from '../dossiers/CommuneOffice.js';
import { SupportPoints } from '../teams/SupportPoints.js';

type Feed = {
  commune: string;
  items: {
    id: number;
    title: string;
    bodyHtml: string;
    category: string;
    sentAt: string;
    ackRequested: boolean;
    unitName: string;
  }[];
};

/** `/c/<commune code>`: the commune's public announcements; a signed-in citizen acknowledges for their household. */
export function CommuneFeed({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const feed = useQuery({
    queryKey: ['feed', code],
    queryFn: () => api<Feed>(`/api/public/communes/${code}/announcements`),
  });
  // Linked only when the commune published some of its indicators (the same query draws /c/:code/chi-so).
  const scorecard = useQuery(publicScorecardQuery(code));
  const citizen = useCitizen();
  const [done, setDone] = useState<Record<number, string>>({});
  if (!feed.data) return <QueryState isLoading={feed.isLoading} error={feed.error} />;
  return (
    <section>
      <h1>{t('announcements.feed', { commune: feed.data.commune })}</h1>
      <nav className="actions" aria-label={t('pakn.ask')}>
        <Link href={`/c/${code}/phan-anh`} data-testid="link-ask">
          {t('pakn.ask')}
        </Link>
        <Link href={`/c/${code}/hoi-dap`} data-testid="link-qa">
          {t('pakn.qa')}
        </Link>
        {(scorecard.data?.items.length ?? 0) > 0 && (
          <Link href={`/c/${code}/chi-so`} data-testid="link-scorecard">
            {t('scorecardPublic.link')}
          </Link>
        )}
      </nav>
      <CommuneOffice code={code} />
      <SupportPoints code={code} />
      {feed.data.items.length === 0 && <p className="muted">{t('common.none')}</p>}
      {/* The feed carries the announcements as written; a translation shows when one is opened from a message. */}
      {feed.data.items.length > 0 && i18n.language !== 'vi' && <OnlyVietnamese />}
      {feed.data.items.map((a) => (
        <article key={a.id} className="card" data-testid="feed-item" lang="vi">
          <h2>{a.title}</h2>
          <p className="muted">
            {t(`announcements.category_.${a.category}`)} · {a.unitName} · {formatDateTime(a.sentAt, i18n.language)}
          </p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server when written
              (allowlist: paragraphs, emphasis, lists, safe links) */}
          <div dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
          {a.ackRequested &&
            (done[a.id] ? (
              <p className="ok" role="status">
                {done[a.id]}
              </p>
            ) : citizen.data ? (
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void api(`/api/public/announcements/${a.id}/ack`, { method: 'POST' }).then(
                    () => setDone((d) => ({ ...d, [a.id]: t('announcements.confirmed') })),
                    (e) => setDone((d) => ({ ...d, [a.id]: messageOf(e) })),
                  )
                }
              >
                {t('announcements.confirm')}
              </button>
            ) : (
              <Link href="/me">{t('announcements.signInToConfirm')}</Link>
            ))}
        </article>
      ))}
    </section>
  );
}
