import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { registerSW } from 'virtual:pwa-register';
import './lib/i18n.js';
// One style sheet in three parts, in cascade order (a later part overrides an earlier one, as in one file).
import './styles/base.css';
import './styles/one-stop.css';
import './styles/campaigns.css';
import './styles/charts.css';
import './styles/print.css';
import { App } from './routes/App.js';
import { ApiError } from './lib/api.js';

const client = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers will not change by asking again; network blips on 3G will.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

registerSW({ immediate: true });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
