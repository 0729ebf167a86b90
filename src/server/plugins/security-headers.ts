import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The page's Content-Security-Policy. The built app has no inline script or style (index.html loads one module and
 * one stylesheet; the service worker is registered from that module), so nothing inline is allowed, and nothing is
 * loaded from another origin. `data:` images cover icons Vite inlines into the CSS.
 */
export const APP_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'media-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const cspHeader = (policy: Record<string, string[]>) =>
  Object.entries(policy)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/**
 * Swagger UI at /api/docs: its files are all under /api/docs/static and it draws its icons as data: images, but its
 * bundle injects a <style> element, so styles (only styles) may be inline there. Scripts and framing stay as strict as
 * the app's. Set on its routes only (see app.ts).
 */
export const DOCS_CSP = cspHeader({ ...APP_CSP, 'style-src': ["'self'", "'unsafe-inline'"] });

/**
 * Features no page uses, turned off for every page (and anything injected into one). No page asks for the camera:
 * papers are picked or photographed through `<input type="file">`, which the phone's own camera app serves and this
 * policy does not govern.
 */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'bluetooth',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** One year; sent only over TLS, as a browser ignores it on plain HTTP anyway and a development server has no TLS. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The essentials for the few answers Fastify sends before routing (a malformed URL: errors.ts `frameworkErrors`),
 * where no hook runs.
 */
export const PRE_ROUTING_HEADERS = {
  'content-security-policy': cspHeader(APP_CSP),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'permissions-policy': PERMISSIONS_POLICY,
};

/**
 * Security headers on every response (helmet): the CSP above, nosniff, no framing, the referrer kept on this site,
 * cross-origin isolation of windows and resources. HSTS is added only when the request came over TLS — directly or
 * as a trusted proxy says (TRUST_PROXY) — so a plain-HTTP install on a LAN is never told to insist on HTTPS.
 */
export default fp(async function securityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
});
