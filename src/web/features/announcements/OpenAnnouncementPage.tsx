import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { OnlyVietnamese } from '../../components/OnlyVietnamese.js';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';

type Opened = {
  id: number;
  title: string;
  bodyHtml: string;
  unitName: string;
  sentAt: string;
  ackRequested: boolean;
  acknowledged: boolean | null;
  translations: Record<string, { title: string; bodyHtml: string }>;
  files: { id: number; name: string; size: number }[];
};

/** `/a/<id>?h=…&t=…`: an announcement opened from a message; showing it records "read" for the household. */
export function OpenAnnouncementPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  // wouter's search, not window.location: the server renders this page too (entry-server.tsx).
  const params = new URLSearchParams(useSearch());
  const link = params.get('h') && params.get('t') ? { h: Number(params.get('h')), t: params.get('t')! } : null;
  const query = link ? `?h=${link.h}&t=${link.t}` : '';
  const opened = useQuery({
    queryKey: ['open', id, query],
    queryFn: async () => {
      const a = await api<Opened>(`/api/public/announcements/${id}${query}`);
      if (link)
        await api(`/api/public/announcements/${id}/read`, { method: 'POST', body: link }).catch(() => undefined);
      return a;
    },
  });
  // null until the reader presses the switch: then true shows the translation, false the Vietnamese original.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const [acked, setAcked] = useState<string | null>(null);
  const a = opened.data;
  if (!a) return <QueryState isLoading={opened.isLoading} error={opened.error} />;
  const lang = i18n.language;
  // The reader's language when the commune wrote it; a Vietnamese reader is offered the English version.
  const other = lang === 'vi' ? a.translations.en : a.translations[lang];
  const translated = !!other && (chosen ?? lang !== 'vi');
  const text = translated && other ? other : a;
  return (
    <article className="card" data-testid="opened">
      <h1 lang={translated ? undefined : 'vi'}>{text.title}</h1>
      <p className="muted">
        {a.unitName} · {formatDateTime(a.sentAt)}
      </p>
      {other ? (
        <button type="button" onClick={() => setChosen(!translated)}>
          {translated
            ? t('announcements.open.vietnamese')
            : lang === 'vi' || lang === 'en'
              ? t('announcements.open.english')
              : t('announcements.open.translation')}
        </button>
      ) : (
        lang !== 'vi' && <OnlyVietnamese />
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server when written
          (allowlist: paragraphs, emphasis, lists, safe links) */}
      <div lang={translated ? undefined : 'vi'} dangerouslySetInnerHTML={{ __html: text.bodyHtml }} />
      {a.files.length > 0 && (
        <>
          <h2>{t('announcements.open.attachments')}</h2>
          <ul>
            {a.files.map((f) => (
              <li key={f.id}>
                <a href={`/api/public/announcements/${id}/files/${f.id}${query}`}>{f.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {a.ackRequested &&
        link &&
        (a.acknowledged || acked ? (
          <p className="ok" role="status">
            {acked ?? t('announcements.open.confirmed')}
          </p>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() =>
              void api(`/api/public/announcements/${id}/ack`, { method: 'POST', body: link }).then(
                () => setAcked(t('announcements.open.confirmed')),
                (e) => setAcked(messageOf(e)),
              )
            }
          >
            {t('announcements.open.confirm')}
          </button>
        ))}
    </article>
  );
}
