import { api, ApiError, setCsrfToken } from '../../../lib/api.js';
import { fieldEvents, queued, savePack, settle, type FieldPack, type Queued } from './store.js';

/** Visits per upload: small enough for 3G to finish one, so an interrupted sync loses little and resumes from there. */
const BATCH = 200;

export type SyncState = { running: boolean; lastError: 'NETWORK' | 'SIGNED_OUT' | null; lastSyncAt: number | null };
let state: SyncState = { running: false, lastError: null, lastSyncAt: null };
/** The sync's state, replaced (never mutated) on each change so views can follow it with useSyncExternalStore. */
export const syncState = () => state;
function setState(change: Partial<SyncState>) {
  state = { ...state, ...change };
  fieldEvents.dispatchEvent(new Event('change'));
}
let current: Promise<void> | null = null;

/**
 * Sends what is waiting, oldest first, batch by batch; each batch that got an answer is settled on the device before
 * the next goes, so a sync cut off halfway resumes where it stopped and a batch whose answer was lost is simply sent
 * again (the server answers DUPLICATE). One sync at a time.
 */
export function syncNow(): Promise<void> {
  current ??= run().finally(() => {
    current = null;
    setState({ running: false });
  });
  return current;
}

async function run() {
  if (!(await queued()).some((q) => q.state === 'PENDING')) return;
  setState({ running: true });
  try {
    const { me } = await api<{ me: { csrfToken: string; user: { id: number } } | null }>('/api/auth/session');
    if (!me) return setState({ lastError: 'SIGNED_OUT' });
    setCsrfToken(me.csrfToken);
    // Only what this member recorded goes under their name.
    const pending = (await queued()).filter((q) => q.state === 'PENDING' && q.userId === me.user.id);
    const byCampaign = new Map<number, Queued[]>();
    for (const q of pending) byCampaign.set(q.campaignId, [...(byCampaign.get(q.campaignId) ?? []), q]);
    for (const [campaignId, rows] of byCampaign) {
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        try {
          const { results } = await api<{
            results: { id: string; status: string; conflict?: string; error?: Queued['error'] }[];
          }>(`/api/campaigns/${campaignId}/visits`, { method: 'POST', body: { visits: batch.map((q) => q.visit) } });
          await settle(batch, results);
        } catch (e) {
          // A batch the server cannot read at all (an old app's format) is marked, not retried for ever.
          if (e instanceof ApiError && e.status === 400)
            await settle(
              batch,
              batch.map((q) => ({
                id: q.visit.id,
                status: 'REJECTED',
                error: { code: e.code, vi: e.detail, en: e.detail },
              })),
            );
          else throw e;
        }
      }
      // With nothing left waiting, take the fresh registry versions into the field.
      if (!(await queued(campaignId)).some((q) => q.state === 'PENDING')) await download(campaignId, me.user.id);
    }
    setState({ lastError: null, lastSyncAt: Date.now() });
  } catch (e) {
    setState({ lastError: e instanceof ApiError && (e.status === 401 || e.status === 403) ? 'SIGNED_OUT' : 'NETWORK' });
  }
}

/** Takes a campaign's households into the device, for the member signed in. */
export async function download(campaignId: number, userId: number) {
  await savePack(await api<FieldPack>(`/api/campaigns/${campaignId}/field`), userId);
}

/** Syncs when the network comes back, when the app opens, and every 30 s while something waits. */
export function startAutoSync(): () => void {
  const kick = () => void syncNow();
  window.addEventListener('online', kick);
  const timer = window.setInterval(() => navigator.onLine && kick(), 30_000);
  if (navigator.onLine) kick();
  return () => {
    window.removeEventListener('online', kick);
    window.clearInterval(timer);
  };
}
