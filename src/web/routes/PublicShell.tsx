import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';

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
          <Link href="/procedures">{t('nav.procedures')}</Link>
          <Link href="/lookup">{t('nav.lookup')}</Link>
          <Link href="/book">{t('counter.book')}</Link>
          <Link href="/me">{t('citizens.account')}</Link>
        </nav>
        <LanguageSwitch citizen />
      </header>
      <main>{children}</main>
    </>
  );
}
