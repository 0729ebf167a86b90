import type { ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { DossierQueue } from '../features/dossiers/DossierQueue.js';
import { ProcedureCatalog } from '../features/procedures/ProcedureCatalog.js';
import type { QueueFilter } from '../features/dossiers/api.js';

/** The citizen's frame: no login, a way home to the catalog and to tracking, language switch. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="top">
        <Link href="/procedures" className="brand">
          {t('app.name')}
        </Link>
        <nav className="public-nav">
          <Link href="/procedures">{t('onestop.nav.procedures')}</Link>
          <Link href="/lookup">{t('onestop.nav.lookup')}</Link>
          <Link href="/book">{t('onestop.counter.book')}</Link>
          <Link href="/me">{t('onestop.citizen.account')}</Link>
        </nav>
        <LanguageSwitch />
      </header>
      <main>{children}</main>
    </>
  );
}

/** URL ⇄ queue filter, so a queue can be bookmarked and the back button works. */
export function DossiersPage() {
  const search = new URLSearchParams(useSearch());
  const [location, navigate] = useLocation();
  const filter: QueueFilter = {
    queue: search.get('queue') ?? 'to_receive',
    q: search.get('q') ?? undefined,
    procedure: search.get('procedure') ?? undefined,
    page: Math.max(1, Number(search.get('page') ?? 1)),
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
  return <ProcedureCatalog title={t('onestop.desk.counterTitle')} linkTo={(code) => `/counter/${code}`} />;
}
