import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { VisitOutcome } from '../../../../shared/enums.js';

/** What the server packs for the field (GET /api/campaigns/:id/field). */
export type FieldPerson = {
  residentId: number | null;
  fullName: string | null;
  birthYear: number | null;
  vneidLevel: string | null;
  phoneTail: string | null;
  version: number | null;
  checks: string[];
  done: boolean;
  lastOutcome: string | null;
};
export type FieldHousehold = {
  householdId: number;
  address: string;
  unitName: string;
  version: number;
  lastOutcome: string | null;
  bestTime: string | null;
  people: FieldPerson[];
};
export type FieldPack = {
  campaign: {
    id: number;
    name: string;
    kind: string;
    level: string;
    deadline: string;
    checklist: { key: string; label: string }[];
    fieldUpdates: ('vneidLevel' | 'phone')[];
  };
  households: FieldHousehold[];
  downloadedAt: string;
};
export type Outcome = VisitOutcome;
export type VisitPersonInput = {
  residentId: number | null;
  checks: string[];
  outcome?: Outcome;
  version?: number;
  vneidLevel?: 'NONE' | 'L1' | 'L2';
  phone?: string;
};
/** A visit as the server takes it; the id is made here, once, so a resend is never stored twice. */
export type Visit = {
  id: string;
  householdId: number;
  visitedAt: string;
  outcome: Outcome;
  bestTime?: string;
  note?: string;
  baseVersion: number;
  people: VisitPersonInput[];
};
/** `userId`: who recorded it — only their session sends it, whoever signs in on the phone later. */
export type Queued = {
  visit: Visit;
  campaignId: number;
  userId: number;
  queuedAt: number;
  state: 'PENDING' | 'REJECTED';
  error?: { code: string; vi: string; en: string };
};
export type Sent = {
  id: string;
  campaignId: number;
  householdId: number;
  outcome: Outcome;
  visitedAt: string;
  status: 'APPLIED' | 'DUPLICATE' | 'CONFLICT';
  conflict?: string;
  syncedAt: number;
};

interface FieldDb extends DBSchema {
  packs: { key: number; value: FieldPack & { campaignId: number; userId: number } };
  queue: { key: string; value: Queued & { id: string }; indexes: { campaign: number } };
  sent: { key: string; value: Sent; indexes: { campaign: number } };
}

/**
 * The device's own copy, in IndexedDB: the packs taken into the field, the visits waiting to be sent (each with the
 * id made when it was recorded) and what became of those sent. It survives closing the app and restarting the phone.
 */
let opened: Promise<IDBPDatabase<FieldDb>> | null = null;
export function fieldDb() {
  opened ??= openDB<FieldDb>('ketnoi-field', 1, {
    upgrade(db) {
      db.createObjectStore('packs', { keyPath: 'campaignId' });
      db.createObjectStore('queue', { keyPath: 'id' }).createIndex('campaign', 'campaignId');
      db.createObjectStore('sent', { keyPath: 'id' }).createIndex('campaign', 'campaignId');
    },
  });
  return opened;
}

/** Every change to the store is announced here, so open views read it again. */
export const fieldEvents = new EventTarget();
const changed = () => fieldEvents.dispatchEvent(new Event('change'));

export async function savePack(pack: FieldPack, userId: number) {
  await (await fieldDb()).put('packs', { ...pack, campaignId: pack.campaign.id, userId });
  changed();
}

/**
 * Signing out takes the household lists off the phone (a shared or lost phone should not show them); visits not yet
 * sent stay, and go when the member who recorded them signs in again.
 */
export async function forgetPacks() {
  await (await fieldDb()).clear('packs');
  changed();
}
export const getPack = async (campaignId: number) => (await fieldDb()).get('packs', campaignId);
export const allPacks = async () => (await fieldDb()).getAll('packs');

/** Records a visit on the device; it is sent when there is a network (now, if there is one). */
export async function queueVisit(campaignId: number, userId: number, visit: Visit) {
  await (await fieldDb()).put('queue', {
    id: visit.id,
    visit,
    campaignId,
    userId,
    queuedAt: Date.now(),
    state: 'PENDING',
  });
  changed();
}
export const queued = async (campaignId?: number) => {
  const db = await fieldDb();
  const rows =
    campaignId === undefined ? await db.getAll('queue') : await db.getAllFromIndex('queue', 'campaign', campaignId);
  return rows.sort((a, b) => a.queuedAt - b.queuedAt);
};
export const sentVisits = async (campaignId: number) =>
  (await fieldDb()).getAllFromIndex('sent', 'campaign', campaignId);

/** Drops a visit the server refused (after the member has read why). */
export async function discard(id: string) {
  await (await fieldDb()).delete('queue', id);
  changed();
}

/**
 * The server's answers for a batch: sent ones leave the queue (conflicts too — the server keeps them), refused ones
 * stay, marked.
 */
export async function settle(
  rows: Queued[],
  results: { id: string; status: string; conflict?: string; error?: Queued['error'] }[],
) {
  const db = await fieldDb();
  const tx = db.transaction(['queue', 'sent'], 'readwrite');
  const byId = new Map(rows.map((r) => [r.visit.id, r]));
  for (const r of results) {
    const q = byId.get(r.id);
    if (!q) continue;
    if (r.status === 'REJECTED')
      await tx.objectStore('queue').put({ ...q, id: r.id, state: 'REJECTED', error: r.error });
    else {
      await tx.objectStore('queue').delete(r.id);
      await tx.objectStore('sent').put({
        id: r.id,
        campaignId: q.campaignId,
        householdId: q.visit.householdId,
        outcome: q.visit.outcome,
        visitedAt: q.visit.visitedAt,
        status: r.status as Sent['status'],
        conflict: r.conflict,
        syncedAt: Date.now(),
      });
    }
  }
  await tx.done;
  changed();
}
