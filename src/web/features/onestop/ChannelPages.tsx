import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';

type Channel = 'ZALO' | 'ZNS' | 'SMS' | 'EMAIL' | 'PUSH';
const TOKEN_KEY = 'ketnoi.memberToken';
const memberToken = () => localStorage.getItem(TOKEN_KEY) ?? '';
const asMember = () => ({ 'x-member-token': memberToken() });

/** The browser's push subscription for the server's VAPID key (asks the person for permission). */
async function subscribePush(vapidKey: string): Promise<PushSubscriptionJSON> {
  const padded = `${vapidKey}${'='.repeat((4 - (vapidKey.length % 4)) % 4)}`.replace(/-/g, '+').replace(/_/g, '/');
  const key = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  return subscription.toJSON();
}

type Group = {
  id: number;
  name: string;
  commune: string;
  channels: Channel[];
  vapidPublicKey: string | null;
  codeBy: ('SMS' | 'ZALO')[];
};

/** `/g/<group id>` (the poster's QR code): prove a phone, be matched to the household, choose channels in order. */
export function JoinGroupPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const group = useQuery({ queryKey: ['group', id], queryFn: () => api<Group>(`/api/public/groups/${id}`) });
  const [phone, setPhone] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const [order, setOrder] = useState<Channel[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<{ address: string; zaloLinkCode: string | null } | null>(null);
  const g = group.data;
  if (!g) return <QueryState isLoading={group.isLoading} error={group.error} />;
  const offered: Channel[] = ['ZALO', 'ZNS', 'SMS', 'EMAIL', 'PUSH'].filter(
    (c) => g.channels.includes(c as Channel) && (c !== 'PUSH' || 'PushManager' in window),
  ) as Channel[];
  async function sendCode(by: 'SMS' | 'ZALO') {
    setMessage(null);
    try {
      await api(`/api/public/groups/${id}/code`, { method: 'POST', body: { phone, by } });
      setCodeSent(true);
    } catch (e) {
      setMessage(messageOf(e));
    }
  }
  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    setMessage(null);
    try {
      const channels = [];
      for (const channel of order) {
        if (channel === 'PUSH')
          channels.push({
            channel,
            subscription: await subscribePush(g!.vapidPublicKey!).catch(() => {
              throw new Error(t('channels.join.pushDenied'));
            }),
          });
        else if (channel === 'EMAIL') channels.push({ channel, email: String(d.get('email') ?? '') });
        else channels.push({ channel });
      }
      const personalId = String(d.get('personalId') ?? '').trim();
      const r = await api<{ manageToken: string; address: string; zaloLinkCode: string | null }>(
        `/api/public/groups/${id}/join`,
        {
          method: 'POST',
          body: {
            phone,
            code: String(d.get('code')),
            ...(personalId ? { personalId } : {}),
            language: i18n.language.startsWith('en') ? 'en' : 'vi',
            channels,
          },
        },
      );
      localStorage.setItem(TOKEN_KEY, r.manageToken);
      setDone(r);
    } catch (e) {
      setMessage(e instanceof Error && !('status' in e) ? e.message : messageOf(e));
    }
  }
  if (done) {
    return (
      <section className="card" data-testid="joined">
        <p className="ok" role="status">
          {t('channels.join.done', { address: done.address })}
        </p>
        {done.zaloLinkCode && (
          <p>
            <strong>{t('channels.join.zaloStep', { code: done.zaloLinkCode })}</strong>
          </p>
        )}
        <Link href="/m">{t('channels.join.manage')}</Link>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('channels.join.title', { group: g.name })}</h1>
      <p className="muted">{t('channels.join.intro', { commune: g.commune })}</p>
      <form className="card" onSubmit={(e) => void join(e)}>
        <label>
          {t('channels.join.phone')}
          <input
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            required
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </label>
        <p className="actions">
          <button type="button" onClick={() => void sendCode('SMS')} disabled={phone.length < 9}>
            {t('channels.join.sendCode')}
          </button>
          {g.codeBy.includes('ZALO') && (
            <button type="button" onClick={() => void sendCode('ZALO')} disabled={phone.length < 9}>
              {t('channels.join.sendCodeZalo')}
            </button>
          )}
        </p>
        {codeSent && (
          <p className="ok" role="status">
            {t('channels.join.codeSent', { phone })}
          </p>
        )}
        <label>
          {t('channels.join.code')}
          <input name="code" inputMode="numeric" pattern="\d{6}" required autoComplete="one-time-code" />
        </label>
        <label>
          {t('channels.join.personalId')}
          <input name="personalId" inputMode="numeric" pattern="\d{12}" />
        </label>
        <fieldset>
          <legend>{t('channels.join.channels')}</legend>
          {offered.map((c) => (
            <label key={c} className="inline">
              <input
                type="checkbox"
                checked={order.includes(c)}
                onChange={(e) => setOrder(e.target.checked ? [...order, c] : order.filter((x) => x !== c))}
              />
              {order.includes(c) ? `${order.indexOf(c) + 1}. ` : ''}
              {t(`channels.channel_.${c}`)}
            </label>
          ))}
        </fieldset>
        {order.includes('EMAIL') && (
          <label>
            {t('channels.join.email')}
            <input name="email" type="email" required />
          </label>
        )}
        {message && (
          <p className="error" role="alert">
            {message}
          </p>
        )}
        <button className="primary" type="submit" disabled={order.length === 0}>
          {t('channels.join.submit')}
        </button>
      </form>
    </section>
  );
}

type Membership = {
  group: { id: number; name: string; commune: string };
  language: 'vi' | 'en';
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

/** `/m`: the member's own page — announcements sent to the household, channels on and off, language, leaving. */
export function MemberPage() {
  const { t, i18n } = useTranslation();
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
        {t('channels.member.left')}
      </p>
    );
  if (!memberToken()) return <p className="muted">{t('channels.member.notJoined')}</p>;
  const m = me.data;
  if (!m) return <QueryState isLoading={me.isLoading} error={me.error} />;
  const change = async (body: Record<string, unknown>) => {
    await api('/api/public/membership', { method: 'PATCH', body, headers: asMember() });
    await client.invalidateQueries({ queryKey: ['membership'] });
  };
  return (
    <section>
      <h1>{t('channels.member.title', { group: m.group.name })}</h1>
      <p className="muted">{m.group.commune}</p>
      <h2>{t('channels.member.announcements')}</h2>
      <ul className="cards" data-testid="member-announcements">
        {m.announcements.map((a) => (
          <li key={a.id} className="card">
            <a href={new URL(a.link).pathname + new URL(a.link).search}>{a.title}</a>
            {!a.read && <span className="badge">{t('channels.member.unread')}</span>}
            <div className="muted">{formatDateTime(a.sentAt)}</div>
          </li>
        ))}
      </ul>
      <h2>{t('channels.member.channels')}</h2>
      <ul>
        {m.channels.map((c) => (
          <li key={c.id}>
            {c.rank}. {t(`channels.channel_.${c.channel}`)} ·{' '}
            {c.zaloLinkCode
              ? t('channels.member.waitingZalo', { code: c.zaloLinkCode })
              : c.active
                ? t('channels.member.on')
                : t('channels.member.off')}
            {!c.zaloLinkCode && (
              <button type="button" onClick={() => void change({ channelId: c.id, active: !c.active })}>
                {c.active ? t('channels.member.turnOff') : t('channels.member.turnOn')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <label>
        {t('channels.join.language')}
        <select
          value={m.language}
          onChange={(e) => {
            void change({ language: e.target.value });
            void i18n.changeLanguage(e.target.value);
          }}
        >
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
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
          {t('channels.member.leave')}
        </button>
      </p>
    </section>
  );
}

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
  const params = new URLSearchParams(window.location.search);
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
  const [english, setEnglish] = useState(i18n.language.startsWith('en'));
  const [acked, setAcked] = useState<string | null>(null);
  const a = opened.data;
  if (!a) return <QueryState isLoading={opened.isLoading} error={opened.error} />;
  const text = english && a.translations.en ? a.translations.en : a;
  return (
    <article className="card" data-testid="opened">
      <h1>{text.title}</h1>
      <p className="muted">
        {a.unitName} · {formatDateTime(a.sentAt)}
      </p>
      {a.translations.en && (
        <button type="button" onClick={() => setEnglish(!english)}>
          {english ? t('channels.open.vietnamese') : t('channels.open.english')}
        </button>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server when written (allowlist: paragraphs, emphasis, lists, safe links) */}
      <div dangerouslySetInnerHTML={{ __html: text.bodyHtml }} />
      {a.files.length > 0 && (
        <>
          <h2>{t('channels.open.attachments')}</h2>
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
            {acked ?? t('channels.open.confirmed')}
          </p>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() =>
              void api(`/api/public/announcements/${id}/ack`, { method: 'POST', body: link }).then(
                () => setAcked(t('channels.open.confirmed')),
                (e) => setAcked(messageOf(e)),
              )
            }
          >
            {t('channels.open.confirm')}
          </button>
        ))}
    </article>
  );
}
