import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';

type Client = {
  id: number;
  communeId: number;
  name: string;
  contact: string | null;
  keyPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
type Issued = Client & { apiKey: string };

/** Long addresses and keys break anywhere rather than widen the page past a phone's 360 px. */
const wrap = { overflowWrap: 'anywhere', wordBreak: 'break-all' } as const;

/**
 * A commune's Open311 client apps: the keys it issued (only their first characters), a form to issue one — the key
 * is shown once, in a box to copy, and never again — and revoking with a confirmation. Mounted by the feedback
 * settings page (/admin/feedback) for the commune it shows.
 */
export function Open311Clients({ communeId }: { communeId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = ['open311-clients', communeId];
  const clients = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: Client[] }>(`/api/feedback/open311-clients?communeId=${communeId}`),
  });
  const commune = useQuery({
    queryKey: ['unit', communeId],
    queryFn: () => api<{ code: string }>(`/api/units/${communeId}`),
    retry: false,
  });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const origin = typeof window === 'undefined' ? '' : window.location.origin;

  async function issue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const d = new FormData(form);
    setError(null);
    setBusy(true);
    try {
      const made = await api<Issued>('/api/feedback/open311-clients', {
        method: 'POST',
        body: { communeId, name: String(d.get('name')).trim(), contact: String(d.get('contact')).trim() || null },
      });
      form.reset();
      setCopied(false);
      setIssued(made);
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(c: Client) {
    if (!window.confirm(t('open311.confirmRevoke', { name: c.name }))) return;
    setError(null);
    try {
      await api(`/api/feedback/open311-clients/${c.id}`, { method: 'DELETE' });
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // No clipboard (an older browser, no permission): the key stays selected in its box to copy by hand.
      setCopied(false);
    }
  }

  return (
    <section aria-labelledby="open311-title">
      <h2 id="open311-title">{t('open311.title')}</h2>
      <p className="muted">{t('open311.intro')}</p>
      <dl>
        <dt>{t('open311.endpoint')}</dt>
        <dd>
          <code style={wrap}>{`${origin}/open311/v2/discovery.xml`}</code>
        </dd>
        {commune.data && (
          <>
            <dt>{t('open311.jurisdiction')}</dt>
            <dd>
              <code>{commune.data.code}</code>
            </dd>
          </>
        )}
      </dl>

      {issued && (
        <div className="card" role="dialog" aria-modal="true" aria-labelledby="open311-issued">
          <h3 id="open311-issued">{t('open311.issuedTitle', { name: issued.name })}</h3>
          <p>{t('open311.issuedOnce')}</p>
          <textarea
            aria-label={t('open311.key')}
            readOnly
            rows={2}
            value={issued.apiKey}
            onFocus={(e) => e.currentTarget.select()}
            style={{ ...wrap, width: '100%', fontFamily: 'monospace', resize: 'none' }}
          />
          <p>
            <button type="button" onClick={() => void copy(issued.apiKey)}>
              {copied ? t('open311.copied') : t('open311.copy')}
            </button>{' '}
            <button className="primary" type="button" onClick={() => setIssued(null)}>
              {t('open311.done')}
            </button>
          </p>
        </div>
      )}

      <QueryState isLoading={clients.isLoading} error={clients.error} />
      {clients.data && clients.data.items.length === 0 && <p className="muted">{t('open311.empty')}</p>}
      {clients.data && clients.data.items.length > 0 && (
        // Cards rather than a table: a phone at 360 px reads each app whole, with its button in reach.
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {clients.data.items.map((c) => (
            <li key={c.id} className="card" data-testid="open311-client">
              <h3>{c.name}</h3>
              {c.contact && <p className="muted">{c.contact}</p>}
              <dl>
                <dt>{t('open311.key')}</dt>
                <dd>
                  <code>{c.keyPrefix}…</code>
                </dd>
                <dt>{t('open311.issuedAt')}</dt>
                <dd>{formatDateTime(c.createdAt)}</dd>
                <dt>{t('open311.lastUsed')}</dt>
                <dd>{c.lastUsedAt ? formatDateTime(c.lastUsedAt) : t('open311.never')}</dd>
                <dt>{t('open311.status')}</dt>
                <dd>
                  {c.revokedAt ? t('open311.revokedOn', { date: formatDateTime(c.revokedAt) }) : t('open311.active')}
                </dd>
              </dl>
              {!c.revokedAt && (
                <button type="button" onClick={() => void revoke(c)}>
                  {t('open311.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      <form className="card" onSubmit={issue}>
        <h3>{t('open311.issue')}</h3>
        <label>
          {t('open311.name')}
          <input name="name" required minLength={1} maxLength={100} />
        </label>
        <label>
          {t('open311.contact')}
          <input name="contact" maxLength={200} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit" disabled={busy}>
          {t('open311.issue')}
        </button>
      </form>
    </section>
  );
}
