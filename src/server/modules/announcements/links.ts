import { timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../deps.js';

/**
 * Signed links in outgoing messages: the announcement's page for one household (opening it records "read") and
 * one-click unsubscribe from one member channel. The signature is an HMAC under the index key, so a link cannot be
 * forged for another household or channel, and nothing needs storing per message.
 */
type Deps = Pick<AppDeps, 'cipher' | 'config'>;

const sign = (deps: Deps, value: string) => deps.cipher.blindIndex(value, 'link');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const readToken = (deps: Deps, announcementId: number, householdId: number) =>
  sign(deps, `read:${announcementId}:${householdId}`);
export const unsubscribeToken = (deps: Deps, memberChannelId: number) => sign(deps, `unsubscribe:${memberChannelId}`);

export function readLink(deps: Deps, announcementId: number, householdId: number | null): string {
  const base = `${deps.config.publicUrl}/a/${announcementId}`;
  return householdId === null ? base : `${base}?h=${householdId}&t=${readToken(deps, announcementId, householdId)}`;
}

export function unsubscribeLink(deps: Deps, memberChannelId: number): string {
  const token = unsubscribeToken(deps, memberChannelId);
  return `${deps.config.publicUrl}/api/public/channels/unsubscribe?c=${memberChannelId}&t=${token}`;
}

export const validReadToken = (deps: Deps, announcementId: number, householdId: number, token: string) =>
  same(readToken(deps, announcementId, householdId), token);
export const validUnsubscribeToken = (deps: Deps, memberChannelId: number, token: string) =>
  same(unsubscribeToken(deps, memberChannelId), token);
