import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { escapeHtml } from '../../shared/text.js';
import { pickLanguage } from '../lib/locale.js';

/** What dist/ssr/entry-server.js exports (src/web/entry-server.tsx): built apart, so typed here by hand. */
type Renderer = {
  render(
    url: string,
    lang: string,
    fetcher: typeof fetch,
  ): Promise<{ html: string; title: string; lang: string; state: string; noscript: string } | null>;
  languages(): string[];
};

/** Vite names what it builds under assets/ by content hash: such a file never changes, so a browser keeps it a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (pages, the service worker, the manifest) is asked again each time, cheaply with its ETag. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built web app (dist/web). Citizens' pages are rendered on the server (dist/ssr, see docs/decisions.md
 * "Citizen pages rendered on the server") so they read before any script runs; every other non-API GET gets the app's
 * shell so client-side routes survive a reload. Static files go out precompressed (scripts/precompress.mjs) by
 * Accept-Encoding; API paths keep the JSON 404.
 */
export default fp(async function webPlugin(app: FastifyInstance, opts: { root: string }) {
  const root = path.resolve(opts.root);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn(`web app not built in ${root}: run npm run build`);
    return;
  }
  const shell = readFileSync(path.join(root, 'index.html'), 'utf8');
  const renderer = await loadRenderer(app, path.join(root, '..', 'ssr', 'entry-server.js'));
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) =>
      reply.header('cache-control', file.startsWith(path.join(root, 'assets') + path.sep) ? IMMUTABLE : REVALIDATE),
  });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const file = request.url.split('?')[0]!.slice(1);
    if (file && !file.includes('..') && existsSync(path.join(root, file))) return reply.sendFile(file);
    const page = (renderer && (await renderPage(app, renderer, request, shell))) ?? shell;
    return sendHtml(request, reply, page);
  });
});

/** The renderer, when `npm run build` made it; without it every page gets the shell (the client draws it). */
async function loadRenderer(app: FastifyInstance, file: string): Promise<Renderer | null> {
  if (!existsSync(file)) {
    app.log.warn(`server renderer not built (${file}): citizens' pages get the app shell`);
    return null;
  }
  return (await import(pathToFileURL(file).href)) as Renderer;
}

/** A citizen's page drawn into the shell; null (the plain shell) for other paths or when drawing fails. */
async function renderPage(app: FastifyInstance, renderer: Renderer, request: FastifyRequest, shell: string) {
  const lang = pickLanguage(request, renderer.languages());
  try {
    const page = await renderer.render(request.url, lang, inProcessFetch(app, request));
    if (!page) return null;
    return (
      shell
        .replace(/<html lang="[^"]*"/, `<html lang="${page.lang}"`)
        .replace(/<title>[^<]*<\/title>/, `<title>${page.title}</title>`)
        // The shell's own note ("this page needs JavaScript", for /me and the console) gives way to the page's.
        .replace(/\s*<noscript data-shell>[\s\S]*?<\/noscript>/, '')
        .replace(
          '<div id="root"></div>',
          // The note for phones without scripts comes first, outside the root React takes over.
          `<noscript><p class="noscript">${escapeHtml(page.noscript)}</p></noscript>` +
            `<div id="root">${page.html}</div>` +
            `<script type="application/json" id="ssr-state">${page.state}</script>`,
        )
    );
  } catch (error) {
    // The client can still draw the page: a failed render costs speed, never the page.
    request.log.error({ err: error }, 'server rendering failed; sending the app shell');
    return null;
  }
}

/**
 * The API answering the renderer's requests in-process, as it would answer the browser: the same cookies (a citizen's
 * own session) and the same address (per-address rate limits count the person, not the server). Reads only: a link
 * preview (a chat app fetching the page to show its title) must not count as the household having read a message,
 * so an announcement's "read" is recorded by the browser when the app takes the page over and refetches it.
 */
function inProcessFetch(app: FastifyInstance, request: FastifyRequest): typeof fetch {
  return async (input, init) => {
    if ((init?.method ?? 'GET') !== 'GET') return new Response(null, { status: 405 });
    const headers = new Headers(init?.headers);
    if (request.headers.cookie) headers.set('cookie', request.headers.cookie);
    const res = await app.inject({
      method: 'GET',
      url: String(input),
      headers: Object.fromEntries(headers),
      remoteAddress: request.ip,
    });
    const empty = res.statusCode === 204 || res.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
    });
  };
}

/**
 * HTML is never cached without asking: an ETag lets the browser's second look cost a 304. The tag leaves out when the
 * page's data was fetched (the dehydrated `…At` times), which changes on every render while the page does not.
 */
function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string) {
  const content = html.replace(/"(data|error|dehydrated)(Updated)?At":\d+/g, '');
  const etag = `"${createHash('sha1').update(content).digest('base64url')}"`;
  // A page drawn for a signed-in person holds their own data: no shared cache may keep it.
  const cache = request.headers.cookie ? `private, ${REVALIDATE}` : REVALIDATE;
  reply.header('cache-control', cache).header('etag', etag).header('vary', 'accept-language, cookie');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('text/html; charset=utf-8').send(html);
}
