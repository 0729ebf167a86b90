import { CLIENT_ID_COOKIE } from '../../../shared/onestop.js';

/**
 * Gives this browser a random client id (a cookie, kept a year) unless it has one. The server looks an online
 * submission's idempotency key up only among this client's submissions, so a retry after a dropped connection finds
 * its dossier and nobody else's key ever does. Made here, before the first attempt, so even a retry of a first
 * attempt whose answer was lost carries the same id.
 */
export function ensureClientId(): void {
  if (document.cookie.split(/;\s*/).some((c) => c.startsWith(`${CLIENT_ID_COOKIE}=`))) return;
  // getRandomValues, not randomUUID: the latter needs HTTPS, and a commune laptop may serve plain HTTP on its LAN.
  const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API needs HTTPS and a recent browser; a commune laptop may serve plain HTTP to old phones
  document.cookie = `${CLIENT_ID_COOKIE}=${id}; path=/; max-age=${365 * 86_400}; samesite=strict${secure}`;
}
