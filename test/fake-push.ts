import { createECDH, randomBytes } from 'node:crypto';
import ece from 'http_ece';
import { useLocalServer } from './local-server.js';

/**
 * A browser's push service and the browser itself: it hands out a subscription (an ECDH key pair and auth secret, as
 * a browser makes), takes the VAPID-signed, RFC 8291-encrypted POSTs web-push sends, and decrypts them with the
 * subscriber's private key, so a test reads exactly what the phone would show. `gone` endpoints answer 410.
 */
export function useFakePush() {
  const received: { endpoint: string; authorization: string | undefined; payload: Record<string, string> }[] = [];
  const gone = new Set<string>();
  const keys = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: string }>();
  let base = '';
  useLocalServer(
    (req, raw, res) => {
      const endpoint = `${base}${req.url}`;
      if (gone.has(endpoint)) return void res.writeHead(410).end();
      const key = keys.get(endpoint);
      if (!key || req.headers['content-encoding'] !== 'aes128gcm') return void res.writeHead(400).end();
      const plain = ece.decrypt(raw, { version: 'aes128gcm', privateKey: key.ecdh, authSecret: key.auth });
      received.push({
        endpoint,
        authorization: req.headers.authorization,
        payload: JSON.parse(plain.toString('utf8')) as Record<string, string>,
      });
      res.writeHead(201, { location: `${endpoint}/messages/${received.length}` }).end();
    },
    (address) => (base = address),
  );
  /** A new browser subscription, as `pushManager.subscribe()` returns it. */
  function subscribe() {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16).toString('base64url');
    const endpoint = `${base}/push/${randomBytes(6).toString('hex')}`;
    keys.set(endpoint, { ecdh, auth });
    return { endpoint, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } };
  }
  return { received, gone, subscribe };
}
