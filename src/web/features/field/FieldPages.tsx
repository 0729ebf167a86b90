import { type ReactNode, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { LoginPage } from '../auth/LoginPage.js';
import { useMe } from '../auth/useMe.js';
import {
  allPacks,
  discard,
  fieldEvents,
  getPack,
  queued,
  sentVisits,
  type FieldPack,
  type Queued,
  type Sent,
} from './store.js';
import { download, startAutoSync, syncNow, syncState } from './sync.js';
import { VisitForm } from './VisitForm.js';

/** Re-reads the device's store whenever it changes (a visit saved, a download, a sync settled). */
export function useField<T>(read: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps say when `read` reads something else
  const load = useCallback(() => void read().then(setValue), deps);
  useEffect(() => {
    load();
    fieldEvents.addEventListener('change', load);
    return () => fieldEvents.removeEventListener('change', load);
  }, [load]);
  return value;
}

/** Whether the phone has a network now, following it as it comes and goes. */
export function useOnline() {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('online', notify);
      window.addEventListener('offline', notify);
      return () => {
        window.removeEventListener('online', notify);
        window.removeEventListener('offline', notify);
      };
    },
    () => navigator.onLine,
  );
}

/**
 * The field app's frame: works from the device's store with or without a network. Only a server that answers
 * "signed out" sends the member to the sign-in form; no answer at all (offline) does not.
 */
export function FieldShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  useEffect(() => startAutoSync(), []);
  const waiting = useField(async () => (await queued()).filter((q) => q.state === 'PENDING').length, []);
  const online = useOnline();
  const sync = useSyncExternalStore((notify) => {
    fieldEvents.addEventListener('change', notify);
    return () => fieldEvents.removeEventListener('change', notify);
  }, syncState);
  if (me.data === null) return <LoginPage />;
  return (
    <>
      <header className="top">
        <Link href="/field" className="brand">
          {t('field.title')}
        </Link>
        <span className="badge" data-testid="network">
          {online ? t('field.online') : t('field.offline')}
        </span>
        <LanguageSwitch />
      </header>
      <main>
        <p className="actions" data-testid="waiting">
          <span>{waiting ? t('field.waiting', { count: waiting }) : t('field.allSent')}</span>
          {waiting ? (
            <button type="button" onClick={() => void syncNow()} disabled={!online || sync.running}>
              {sync.running ? t('field.sending') : t('field.sendNow')}
            </button>
          ) : null}
          {sync.lastSyncAt && (
            <span className="muted">
              {t('field.lastSync', { at: formatDateTime(new Date(sync.lastSyncAt).toISOString()) })}
            </span>
          )}
          {sync.lastError === 'SIGNED_OUT' && <span className="error">{t('field.signedOut')}</span>}
        </p>
        {children}
      </main>
    </>
  );
}

/** `/field`: the campaigns a member works, to take into the field or open from the device. */
export function FieldHome() {
  const { t } = useTranslation();
  const online = useOnline();
  const me = useMe().data;
  const list = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => api<{ items: { id: number; name: string; deadline: string; status: string }[] }>('/api/campaigns'),
    enabled: online,
  });
  const packs = useField(allPacks, []);
  const [message, setMessage] = useState<string | null>(null);
  const have = new Map((packs ?? []).map((p) => [p.campaignId, p]));
  const campaigns = [
    ...(list.data?.items ?? [])
      .filter((c) => c.status === 'ACTIVE')
      .map((c) => ({ id: c.id, name: c.name, deadline: c.deadline })),
    ...(packs ?? [])
      .filter((p) => !list.data?.items.some((c) => c.id === p.campaignId))
      .map((p) => ({ id: p.campaignId, name: p.campaign.name, deadline: p.campaign.deadline })),
  ];
  const take = async (id: number) => {
    setMessage(null);
    if (!me) return;
    try {
      await download(id, me.user.id);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <section>
      <p className="muted">{t('field.intro')}</p>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <ul className="cards" data-testid="field-campaigns">
        {campaigns.map((c) => {
          const pack = have.get(c.id);
          return (
            <li key={c.id} className="card">
              <strong>{c.name}</strong>
              <div className="muted">{t('field.deadline', { date: formatDate(c.deadline) })}</div>
              <p className="actions">
                {pack && (
                  <Link href={`/field/${c.id}`} className="button primary">
                    {t('field.open', { count: pack.households.length })}
                  </Link>
                )}
                {online && me && (
                  <button type="button" onClick={() => void take(c.id)}>
                    {pack ? t('field.refresh') : t('field.download')}
                  </button>
                )}
              </p>
              {pack && (
                <div className="muted">{t('field.downloadedAt', { at: formatDateTime(pack.downloadedAt) })}</div>
              )}
            </li>
          );
        })}
      </ul>
      {!campaigns.length && <p className="muted">{online ? t('field.none') : t('field.noneOffline')}</p>}
    </section>
  );
}

const latest = (visits: { visitedAt: string; outcome: string }[]) =>
  visits.sort((a, b) => b.visitedAt.localeCompare(a.visitedAt))[0];

/** `/field/<id>`: my households, what waits to be sent, and what the group head has to decide. */
export function FieldCampaign({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const state = useField(
    async () => ({ pack: await getPack(id), waiting: await queued(id), sent: await sentVisits(id) }),
    [id],
  );
  const [showAll, setShowAll] = useState(false);
  if (!state) return null;
  const { pack, waiting, sent } = state;
  if (!pack)
    return (
      <p className="muted">
        {t('field.notDownloaded')} <Link href="/field">{t('field.back')}</Link>
      </p>
    );
  const status = (householdId: number) => {
    const mine: { visitedAt: string; outcome: string }[] = [
      ...waiting.filter((q) => q.visit.householdId === householdId).map((q) => q.visit),
      ...sent.filter((s) => s.householdId === householdId),
    ];
    return latest(mine);
  };
  const done = (h: FieldPack['households'][number]) =>
    h.people.every((p) => p.done) || ['DONE', 'VNEID_L2_ACTIVATED'].includes(status(h.householdId)?.outcome ?? '');
  const shown = pack.households.filter((h) => showAll || !done(h));
  return (
    <section>
      <h1>{pack.campaign.name}</h1>
      <p className="actions">
        <span>
          {t('field.left', { left: pack.households.filter((h) => !done(h)).length, total: pack.households.length })}
        </span>
        <label className="actions">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />{' '}
          {t('field.showAll')}
        </label>
      </p>
      <ul className="cards" data-testid="field-households">
        {shown.map((h) => {
          const s = status(h.householdId);
          return (
            <li key={h.householdId} className="card">
              <Link href={`/field/${id}/h/${h.householdId}`}>
                <strong>{h.address}</strong>
              </Link>
              <div className="muted">
                {h.unitName} ·{' '}
                {h.people
                  .filter((p) => p.fullName)
                  .map((p) => p.fullName)
                  .join(', ')}
              </div>
              {s ? (
                <span className="badge">{t(`field.outcomes.${s.outcome}`)}</span>
              ) : (
                h.lastOutcome && <span className="badge">{t(`field.outcomes.${h.lastOutcome}`)}</span>
              )}
              {h.bestTime && <span className="muted"> {t('field.bestTimeWas', { time: h.bestTime })}</span>}
            </li>
          );
        })}
      </ul>
      <Pending waiting={waiting} sent={sent} lang={i18n.language} pack={pack} />
    </section>
  );
}

function Pending({ waiting, sent, pack, lang }: { waiting: Queued[]; sent: Sent[]; pack: FieldPack; lang: string }) {
  const { t } = useTranslation();
  const address = (householdId: number) =>
    pack.households.find((h) => h.householdId === householdId)?.address ?? `#${householdId}`;
  const conflicts = sent.filter((s) => s.status === 'CONFLICT');
  if (!waiting.length && !conflicts.length) return null;
  return (
    <section data-testid="field-pending">
      <h2>{t('field.pendingTitle')}</h2>
      <ul className="cards">
        {waiting.map((q) => (
          <li key={q.visit.id} className="card">
            {address(q.visit.householdId)} · {t(`field.outcomes.${q.visit.outcome}`)} ·{' '}
            {formatDateTime(q.visit.visitedAt)}
            {q.state === 'PENDING' ? (
              <div className="muted">{t('field.notSentYet')}</div>
            ) : (
              <div className="error">
                {lang === 'en' ? q.error?.en : q.error?.vi}{' '}
                <button type="button" onClick={() => void discard(q.visit.id)}>
                  {t('field.discard')}
                </button>
              </div>
            )}
          </li>
        ))}
        {conflicts.map((s) => (
          <li key={s.id} className="card">
            {address(s.householdId)} · {t(`field.outcomes.${s.outcome}`)} ·{' '}
            <span className="tag">{t('field.conflict')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `/field/<id>/h/<household>`: record a visit. */
export function FieldVisit({ id, householdId }: { id: number; householdId: number }) {
  const { t } = useTranslation();
  const pack = useField(() => getPack(id), [id]);
  const household = pack?.households.find((h) => h.householdId === householdId);
  if (!pack) return null;
  if (!household) return <p className="muted">{t('field.notYours')}</p>;
  return <VisitForm pack={pack} household={household} />;
}
