import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { useFormErrors } from '../../lib/form-errors.js';
import { isLang } from '../../lib/i18n.js';
import { type Channel, TOKEN_KEY } from './membership.js';

/** The browser's push subscription for the server's VAPID key (asks the person for permission). */
async function subscribePush(vapidKey: string): Promise<PushSubscriptionJSON> {
  const padded = `${vapidKey}${'='.repeat((4 - (vapidKey.length % 4)) % 4)}`.replace(/-/g, '+').replace(/_/g, '/');
  const key = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  return subscription.toJSON();
}

/** Joined at once (the phone is on record for one household of the group), or waiting for the group head. */
type Joined =
  | { status: 'JOINED'; manageToken: string; address: string; zaloLinkCode: string | null }
  | { status: 'PENDING'; manageToken: string };

type Group = {
  id: number;
  name: string;
  commune: string;
  channels: Channel[];
  vapidPublicKey: string | null;
  codeBy: ('SMS' | 'ZALO')[];
};

/**
 * `/g/<group id>` (the poster's QR code): prove a phone and choose channels in order. A phone on record for one
 * household of the group joins it at once; otherwise the request waits for the group head, and the page says only
 * that (the same words whatever the registry holds).
 */
export function JoinGroupPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const group = useQuery({ queryKey: ['group', id], queryFn: () => api<Group>(`/api/public/groups/${id}`) });
  const [phone, setPhone] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const [order, setOrder] = useState<Channel[]>([]);
  const errors = useFormErrors();
  const [done, setDone] = useState<Joined | null>(null);
  // Known only in a browser, after the page is taken over: the server's HTML and the first render leave push out.
  const [canPush, setCanPush] = useState(false);
  useEffect(() => setCanPush('PushManager' in window), []);
  const g = group.data;
  if (!g) return <QueryState isLoading={group.isLoading} error={group.error} />;
  const offered: Channel[] = ['ZALO', 'ZNS', 'SMS', 'EMAIL', 'PUSH'].filter(
    (c) => g.channels.includes(c as Channel) && (c !== 'PUSH' || canPush),
  ) as Channel[];
  async function sendCode(by: 'SMS' | 'ZALO') {
    if (!errors.check({ phone: { value: phone, required: true, rule: 'phone' } })) return;
    try {
      await api(`/api/public/groups/${id}/code`, { method: 'POST', body: { phone, by } });
      setCodeSent(true);
    } catch (e) {
      errors.fromError(e, ['phone']);
    }
  }
  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const known = ['phone', 'code', 'email', 'note'];
    const checked = errors.check({
      phone: { value: phone, required: true, rule: 'phone' },
      code: { value: String(d.get('code') ?? ''), required: true, rule: 'confirmCode' },
      ...(order.includes('EMAIL')
        ? { email: { value: String(d.get('email') ?? ''), required: true, rule: 'email' } }
        : {}),
    });
    if (!checked) return;
    try {
      const channels = [];
      for (const channel of order) {
        if (channel === 'PUSH')
          channels.push({
            channel,
            subscription: await subscribePush(g!.vapidPublicKey!).catch(() => {
              throw new Error(t('announcements.join.pushDenied'));
            }),
          });
        else if (channel === 'EMAIL') channels.push({ channel, email: String(d.get('email') ?? '') });
        else channels.push({ channel });
      }
      const note = String(d.get('note') ?? '').trim();
      const r = await api<Joined>(`/api/public/groups/${id}/join`, {
        method: 'POST',
        body: {
          phone,
          code: String(d.get('code')),
          ...(note ? { note } : {}),
          language: isLang(i18n.language) ? i18n.language : 'vi',
          channels,
        },
      });
      localStorage.setItem(TOKEN_KEY, r.manageToken);
      setDone(r);
    } catch (e) {
      if (e instanceof Error && !('status' in e)) errors.setGeneral(e.message);
      // Each channel's own fields come back under its place in the list ("channels.1.email").
      else errors.fromError(e, known, Object.fromEntries(order.map((_, i) => [`channels.${i}.email`, 'email'])));
    }
  }
  if (done?.status === 'PENDING') {
    return (
      <section className="card" data-testid="join-pending">
        <p className="ok" role="status">
          {t('announcements.join.pending')}
        </p>
        <p className="muted">{t('announcements.join.pendingNext')}</p>
        <Link href="/m">{t('announcements.join.manage')}</Link>
      </section>
    );
  }
  if (done) {
    return (
      <section className="card" data-testid="joined">
        <p className="ok" role="status">
          {t('announcements.join.done', { address: done.address })}
        </p>
        {done.zaloLinkCode && (
          <p>
            <strong>{t('announcements.join.zaloStep', { code: done.zaloLinkCode })}</strong>
          </p>
        )}
        <Link href="/m">{t('announcements.join.manage')}</Link>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('announcements.join.title', { group: g.name })}</h1>
      <p className="muted">{t('announcements.join.intro', { commune: g.commune })}</p>
      <form className="card" onSubmit={(e) => void join(e)} noValidate>
        <label>
          {t('announcements.join.phone')}
          <input
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            required
            value={phone}
            onChange={(e) => {
              setPhone(e.target.value);
              errors.clear('phone');
            }}
            {...errors.props('phone')}
          />
          {errors.message('phone')}
        </label>
        {/* Never disabled: a short or mistyped number is pressed and told what is wrong beside the field. */}
        <p className="actions">
          <button type="button" onClick={() => void sendCode('SMS')}>
            {t('announcements.join.sendCode')}
          </button>
          {g.codeBy.includes('ZALO') && (
            <button type="button" onClick={() => void sendCode('ZALO')}>
              {t('announcements.join.sendCodeZalo')}
            </button>
          )}
        </p>
        {codeSent && (
          <p className="ok" role="status">
            {t('announcements.join.codeSent', { phone })}
          </p>
        )}
        <label>
          {t('announcements.join.code')}
          <input
            name="code"
            inputMode="numeric"
            maxLength={6}
            required
            autoComplete="one-time-code"
            {...errors.props('code')}
          />
          {errors.message('code')}
        </label>
        <label>
          {t('announcements.join.note')}
          <input name="note" maxLength={200} autoComplete="name" />
        </label>
        <fieldset>
          <legend>{t('announcements.join.channels')}</legend>
          {offered.map((c) => (
            <label key={c} className="inline">
              <input
                type="checkbox"
                checked={order.includes(c)}
                onChange={(e) => setOrder(e.target.checked ? [...order, c] : order.filter((x) => x !== c))}
              />
              {order.includes(c) ? `${order.indexOf(c) + 1}. ` : ''}
              {c === 'PUSH' ? t('announcements.join.pushHere') : t(`announcements.channel_.${c}`)}
            </label>
          ))}
        </fieldset>
        {order.includes('EMAIL') && (
          <label>
            {t('announcements.join.email')}
            <input name="email" type="email" required autoComplete="email" {...errors.props('email')} />
            {errors.message('email')}
          </label>
        )}
        {errors.summary()}
        <button className="primary" type="submit" disabled={order.length === 0}>
          {t('announcements.join.submit')}
        </button>
      </form>
    </section>
  );
}
