import { useLocation, useSearch } from 'wouter';
import { useTranslation } from 'react-i18next';
import { DossierQueue } from '../features/dossiers/DossierQueue.js';
import type { QueueFilter } from '../features/dossiers/api.js';
import { ProcedureCatalog } from '../features/procedures/ProcedureCatalog.js';

/** URL ⇄ queue filter, so a queue can be bookmarked and the back button works. */
export function DossiersPage() {
  const search = new URLSearchParams(useSearch());
  const [location, navigate] = useLocation();
  const filter: QueueFilter = {
    queue: search.get('queue') ?? 'to_receive',
    q: search.get('q') ?? undefined,
    procedure: search.get('procedure') ?? undefined,
    page: Math.max(1, Number(search.get('page') ?? 1)),
    // The list under a leader's indicator (`/dossiers?indicator=onTime&from=…&to=…&unit=…`).
    unit: search.get('unit') ?? undefined,
    indicator: search.get('indicator') ?? undefined,
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
  };
  const onChange = (changes: Partial<QueueFilter>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    navigate(`${location}?${next.toString()}`);
  };
  return <DossierQueue filter={filter} onChange={onChange} />;
}

export function CounterPage() {
  const { t } = useTranslation();
  return <ProcedureCatalog title={t('dossiers.desk.counterTitle')} linkTo={(code) => `/counter/${code}`} />;
}
