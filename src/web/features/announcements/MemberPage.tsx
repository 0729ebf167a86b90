import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { CITIZEN_LANGS, type Lang, setLanguage } from '../../lib/i18n.js';
import { formatDateTime } from '../../lib/format.js';
import { asMember, type Channel, memberToken, TOKEN_KEY } from './membership.js';

type Membership = {
  status: 'ACTIVE' | 'PENDING' | 'REFUSED';
  group: { id: number; name: string; commune: string };
  language: Lang;
  channels: { id: number; channel: Channel; rank: number; active: boolean; zaloLinkCode: string | null }[];
  announcements: {
    id: number;
    title: string;
    category: string;
    sentAt: string;
    read: boolean;
    acknowledged: boolean;
    ackRequested: boolean;
    link: string;
  }[];
};

/**
 * `/m`: the member's own page — announcements sent to the household, channels on and off, language, leaving; while
 * the request to join waits for the group head, only that.
 */
export function MemberPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useQuery({
    queryKey: ['membership'],
    queryFn: () => api<Membership>('/api/public/membership', { headers: asMember() }),
    enabled: !!memberToken(),
    retry: false,
  });
  const [left, setLeft] = useState(false);
  if (left)
    return (
      <p className="ok" role="status">
        {t('announcements.member.left')}
      </p>
    );
  if (!memberToken()) return <p className="muted">{t('announcements.member.notJoined')}</p>;
  const m = me.data;
  if (!m) return <QueryState isLoading={me.isLoading} error={me.error} />;
  if (m.status !== 'ACTIVE')
    return (
      <section data-testid="member-waiting">
        <h1>{t('announcements.member.title', { group: m.group.name })}</h1>
        <p className="muted">{m.group.commune}</p>
        <p className={m.status === 'PENDING' ? 'ok' : 'error'} role="status">
          {t(m.status === 'PENDING' ? 'announcements.member.pending' : 'announcements.member.refused')}
        </p>
      </section>
    );
  const change = async (body: Record<string, unknown>) => {
    await api('/api/public/membership', { method: 'PATCH', body, headers: asMember() });
    await client.invalidateQueries({ queryKey: ['membership'] });
  };
  return (
    <section>
      <h1>{t('announcements.member.title', { group: m.group.name })}</h1>
      <p className="muted">{m.group.commune}</p>
      <h2>{t('announcements.member.announcements')}</h2>
      <ul className="cards" data-testid="member-announcements">
        {m.announcements.map((a) => (
          <li key={a.id} className="card">
            <a href={new URL(a.link).pathname + new URL(a.link).search}>{a.title}</a>
            {!a.read && <span className="badge">{t('announcements.member.unread')}</span>}
            <div className="muted">{formatDateTime(a.sentAt)}</div>
          </li>
        ))}
      </ul>
      <h2>{t('announcements.member.channels')}</h2>
      <ul>
        {m.channels.map((c) => (
          <li key={c.id}>
            {c.rank}. {t(`announcements.channel_.${c.channel}`)} ·{' '}
            {c.zaloLinkCode
              ? t('announcements.member.waitingZalo', { code: c.zaloLinkCode })
              : c.active
                ? t('announcements.member.on')
                : t('announcements.member.off')}
            {!c.zaloLinkCode && (
              <button type="button" onClick={() => void change({ channelId: c.id, active: !c.active })}>
                {c.active ? t('announcements.member.turnOff') : t('announcements.member.turnOn')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <label>
        {t('announcements.join.language')}
        <select
          value={m.language}
          onChange={(e) => {
            void change({ language: e.target.value });
            void setLanguage(e.target.value as Lang);
          }}
        >
          {CITIZEN_LANGS.map((lang) => (
            <option key={lang} value={lang} lang={lang === 'zh' ? 'zh-Hans' : lang}>
              {t(`lang.${lang}`)}
            </option>
          ))}
        </select>
      </label>
      <p>
        <button
          type="button"
          onClick={() =>
            void api('/api/public/membership', { method: 'DELETE', headers: asMember() }).then(() => {
              localStorage.removeItem(TOKEN_KEY);
              setLeft(true);
            })
          }
        >
          {t('announcements.member.leave')}
        </button>
      </p>
    </section>
  );
}
