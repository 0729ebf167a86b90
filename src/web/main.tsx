import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { hydrate, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Router } from 'wouter';
import { registerSW } from 'virtual:pwa-register';
import i18next, { servedLang } from './lib/i18n.js';
// One style sheet in three parts, in cascade order (a later part overrides an earlier one, as in one file).
import './styles/base.css';
import './styles/one-stop.css';
import './styles/campaigns.css';
import './styles/feedback.css';
import './styles/charts.css';
import './styles/print.css';
import { App } from './routes/App.js';
import { ApiError, setCsrfToken } from './lib/api.js';

const client = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers will not change by asking again; network blips on 3G will.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById('root')!;
const tree = (
  <StrictMode>
    <QueryClientProvider client={client}>
      <Router>
        <App />
      </Router>
    </QueryClientProvider>
  </StrictMode>
);
// A citizen's page arrives drawn by the server (entry-server.tsx) with the data it was drawn from: the app takes it
// over in the language it was written in, without asking the API again for what is already on screen.
const served = document.getElementById('ssr-state');
if (served?.textContent) {
  hydrate(client, JSON.parse(served.textContent));
  // A signed-in person's answer (their account, the staff "me") carries the session's CSRF token, which the query
  // function would have kept for later POSTs had it run here: keep it from the hydrated answer instead.
  for (const query of client.getQueryCache().getAll()) {
    const data = query.state.data as { csrfToken?: unknown } | undefined;
    if (data && typeof data === 'object' && typeof data.csrfToken === 'string') setCsrfToken(data.csrfToken);
  }
  void i18next.changeLanguage(servedLang ?? i18next.language).then(() => hydrateRoot(root, tree));
} else {
  createRoot(root).render(tree);
}
registerSW({ immediate: true });
