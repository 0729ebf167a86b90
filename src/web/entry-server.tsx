import { renderToString } from 'react-dom/server';
import { dehydrate, type Query, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Router } from 'wouter';
import i18next from './lib/i18n.js';
import { setCsrfToken, setFetch } from './lib/api.js';
import { App, serverRenderedPaths } from './routes/App.js';

/** What the server needs to answer a citizen's page: its markup, title, language and the data it was drawn from. */
export type Rendered = { html: string; title: string; lang: string; state: string; noscript: string };

/** The languages the app has strings for; the server picks one from the `lang` cookie or Accept-Language. */
export const languages = (): string[] => Object.keys(i18next.options.resources ?? { vi: {} });

/** A QueryCache that remembers which queries a render asked for and would run (an `enabled: false` one is skipped). */
function recordingCache() {
  const cache = new QueryCache();
  const wanted = new Set<Query>();
  const build = cache.build.bind(cache);
  cache.build = ((client, options, state) => {
    const query = build(client, options, state) as unknown as Query;
    const option = (options as { enabled?: boolean | ((q: Query) => boolean) }).enabled;
    if ((typeof option === 'function' ? option(query) : option) !== false) wanted.add(query);
    return query;
  }) as QueryCache['build'];
  return { cache, wanted };
}

// Renders run one at a time: i18next's language and the API's fetch are module-wide, and a render reads them between
// awaits. A citizen's page renders in a few milliseconds, so the queue costs nothing a person notices.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Renders a citizen's page the way the client will draw it: the same components, with the data they ask for fetched
 * first (through `fetcher`, the API answering in-process) and dehydrated into the page for the client to hydrate.
 * Returns null for any other path (the staff console keeps the SPA shell).
 */
export function render(url: string, lang: string, fetcher: typeof fetch): Promise<Rendered | null> {
  const [pathname = '/', search = ''] = url.split('?');
  if (!serverRenderedPaths.some((p) => p.test(pathname))) return Promise.resolve(null);
  const run = queue.then(() => renderNow(pathname, search, lang, fetcher));
  queue = run.catch(() => undefined);
  return run;
}

async function renderNow(pathname: string, search: string, lang: string, fetcher: typeof fetch): Promise<Rendered> {
  const { cache, wanted } = recordingCache();
  const client = new QueryClient({ queryCache: cache, defaultOptions: { queries: { retry: false } } });
  await i18next.changeLanguage(lang);
  // The token a previous person's render kept (their account's query sets it) must not go with this one's requests.
  setCsrfToken('');
  const draw = () =>
    renderToString(
      <QueryClientProvider client={client}>
        <Router ssrPath={pathname} ssrSearch={search}>
          <App />
        </Router>
      </QueryClientProvider>,
    );
  let html = draw();
  // A query may depend on another's answer (a procedure's page, then its slots): draw again until nothing new is asked.
  for (let pass = 0; pass < 3; pass++) {
    const pending = [...wanted].filter((q) => q.state.status === 'pending' && q.state.fetchStatus === 'idle');
    if (pending.length === 0) break;
    setFetch(fetcher);
    // Started in one synchronous loop: api() reads the language and the fetch before its first await.
    await Promise.all(pending.map((q) => q.fetch().catch(() => undefined)));
    wanted.clear();
    html = draw();
  }
  const heading = /<main[^>]*>[\s\S]*?<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(html)?.[1]
    ?.replace(/<[^>]*>/g, '')
    .trim();
  const app = i18next.t('app.name');
  return {
    html,
    // Already escaped: it is the heading's text as React wrote it.
    title: heading && heading !== app ? `${heading} · ${app}` : app,
    lang,
    // Inside <script type="application/json">: "<" escaped so no text in the data can close the element.
    state: JSON.stringify(dehydrate(client)).replace(/</g, '\\u003c'),
    noscript: i18next.t('app.noscript'),
  };
}
