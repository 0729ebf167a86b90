import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { formatDateTime, formatPhone } from '../../lib/format.js';
import { type SandboxChannel, type SandboxMessage, useSandbox, useSandboxMessages, useSendToOa } from './api.js';

const CHANNELS: SandboxChannel[] = ['ZALO', 'ZNS', 'SMS', 'EMAIL', 'PUSH'];

/** A phone as people write it (0912 345 678); an email address as it is. */
const labelOf = (mailbox: string) => (mailbox.startsWith('+84') ? formatPhone(mailbox) : mailbox);

/**
 * The link as a path on this server: the page is served by the same app that signed the link, so it opens here even
 * when PUBLIC_URL names another address (a demo behind a tunnel, a test on a random port).
 */
const sameOrigin = (link: string) => {
  const url = new URL(link, window.location.origin);
  return `${url.pathname}${url.search}`;
};

/**
 * `/sandbox`: what each demo phone (or mailbox) received through the sandbox providers, in order, on every channel:
 * open the message's signed link as the resident would and acknowledge, and the announcement's reach moves.
 */
export function SandboxOutbox() {
  const { t } = useTranslation();
  const overview = useSandbox(true, 5_000);
  const [mailbox, setMailbox] = useState('');
  const client = useQueryClient();
  const o = overview.data;
  if (!o) return <QueryState isLoading={overview.isLoading} error={overview.error} />;
  return (
    <section data-testid="sandbox">
      <h1>{t('sandbox.title')}</h1>
      <div className="card sensitive" role="note">
        <strong>{t('sandbox.banner')}</strong>
        <p>{o.running ? t('sandbox.explain') : t('sandbox.notRunning')}</p>
        {o.running && (
          <>
            <p className="muted">
              {t('sandbox.rules', {
                refused: o.rules.refusedSuffix,
                unreachable: o.rules.unreachableSuffix,
                mailbox: o.rules.noSuchMailbox,
              })}
            </p>
            <p className="muted">
              {t('sandbox.stands')}:{' '}
              {CHANNELS.filter((c) => o.channels[c]).map((c) => (
                <span key={c} className="tag">
                  {t(`sandbox.channel.${c}`)}
                </span>
              ))}
            </p>
          </>
        )}
      </div>
      {o.running && <WriteToOa onSent={setMailbox} />}
      {o.running && o.mailboxes.length === 0 && <p>{t('sandbox.noMailboxes')}</p>}
      {o.mailboxes.length > 0 && (
        <div className="actions">
          <label>
            {t('sandbox.mailbox')}
            <select value={mailbox} onChange={(e) => setMailbox(e.target.value)}>
              <option value="">{t('sandbox.pick')}</option>
              {o.mailboxes.map((b) => (
                <option key={b.mailbox} value={b.mailbox}>
                  {labelOf(b.mailbox)} · {t('sandbox.count', { count: b.count })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void client.invalidateQueries({ queryKey: ['sandbox'] })}>
            {t('sandbox.refresh')}
          </button>
        </div>
      )}
      {mailbox && <Mailbox mailbox={mailbox} />}
    </section>
  );
}

/**
 * A demo resident writes to the commune's Zalo OA: the message goes through the app's verified webhook and becomes a
 * question; the OA's reply (the code and status link), and later the officer's answer, land in that phone's mailbox.
 */
function WriteToOa({ onSent }: { onSent: (mailbox: string) => void }) {
  const { t } = useTranslation();
  const send = useSendToOa();
  const [phone, setPhone] = useState('0912000101');
  const [text, setText] = useState('');
  const result = send.data;
  return (
    <form
      className="card"
      data-testid="sandbox-oa"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate(
          { phone, text },
          {
            onSuccess: (r) => {
              if (!r.sent) return;
              setText('');
              onSent(r.mailbox);
            },
          },
        );
      }}
    >
      <h2>{t('sandbox.oa.title')}</h2>
      <p className="muted">{t('sandbox.oa.explain')}</p>
      <label>
        {t('sandbox.oa.phone')}
        <input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" autoComplete="off" required />
      </label>
      <label>
        {t('sandbox.oa.text')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={2000} required />
      </label>
      <button type="submit" disabled={send.isPending}>
        {t('sandbox.oa.send')}
      </button>
      {send.error && (
        <p className="error" role="alert">
          {send.error.message}
        </p>
      )}
      {result && (
        <p className={result.sent ? 'ok' : 'error'} role="status">
          {result.sent ? t('sandbox.oa.sent') : t('sandbox.oa.off')}
        </p>
      )}
    </form>
  );
}

function Mailbox({ mailbox }: { mailbox: string }) {
  const { t } = useTranslation();
  const messages = useSandboxMessages(mailbox);
  const items = messages.data?.items;
  if (!items) return <QueryState isLoading={messages.isLoading} error={messages.error} />;
  if (items.length === 0) return <p>{t('sandbox.empty')}</p>;
  return (
    <ol className="cards" data-testid="sandbox-messages" aria-label={labelOf(mailbox)}>
      {items.map((m) => (
        <Message key={m.id} m={m} />
      ))}
    </ol>
  );
}

function Message({ m }: { m: SandboxMessage }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="sandbox-message" data-channel={m.channel}>
      <p className="muted">
        <span className="tag">{t(`sandbox.channel.${m.channel}`)}</span> {formatDateTime(m.at)}
      </p>
      {m.title && <h2>{m.title}</h2>}
      {m.text && <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.text}</p>}
      <p className={m.status === 'accepted' ? 'ok' : 'error'} role="status">
        {t(`sandbox.status.${m.status}`)}
        {m.reason ? `: ${m.reason}` : ''}
      </p>
      {m.status === 'accepted' && m.link && <a href={sameOrigin(m.link)}>{t('sandbox.open')}</a>}
      <p className="muted">
        {t('sandbox.to')}: <span style={{ overflowWrap: 'anywhere' }}>{m.to}</span>
      </p>
    </li>
  );
}
