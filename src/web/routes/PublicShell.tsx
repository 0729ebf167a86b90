import { type ReactNode, useRef } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import '../styles/citizen.css';
import { useTextSize } from '../lib/useTextSize.js';

/**
 * The citizen's frame: no login, a way home to the catalog and to tracking, language switch, larger text. On a phone
 * the header is one row (at most ~64 px): the pages sit in a menu, and again in the footer so they are reachable
 * without opening it (or without JavaScript).
 */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const textSize = useTextSize();
  const menu = useRef<HTMLDetailsElement>(null);
  const links = (
    <>
      <Link href="/procedures">{t('nav.procedures')}</Link>
      <Link href="/lookup">{t('nav.lookup')}</Link>
      <Link href="/book">{t('counter.book')}</Link>
      <Link href="/me">{t('citizens.account')}</Link>
    </>
  );
  return (
    <>
      <a className="skip" href="#main">
        {t('forms.skipToContent')}
      </a>
      <header className="top public-top">
        <Link href="/procedures" className="brand">
          {t('app.name')}
        </Link>
        <nav className="public-nav wide" aria-label={t('forms.citizenNav')}>
          {links}
        </nav>
        <details className="menu narrow" ref={menu}>
          <summary>
            <span aria-hidden="true">☰</span>
            <span className="visually-hidden">{t('nav.menu')}</span>
          </summary>
          {/* Closes once a page is chosen: the menu is fixed over the page it would otherwise cover. */}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: the links inside take the keyboard; this only closes the menu */}
          <nav aria-label={t('forms.citizenNav')} onClick={() => menu.current?.removeAttribute('open')}>
            {links}
          </nav>
        </details>
        <button
          type="button"
          className="text-size"
          aria-pressed={textSize.large}
          aria-label={t('forms.largerText')}
          title={t('forms.largerText')}
          onClick={textSize.toggle}
          data-testid="text-size"
        >
          <span aria-hidden="true">A+</span>
        </button>
        <LanguageSwitch citizen />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="public-foot">
        <nav aria-label={t('nav.menu')}>{links}</nav>
      </footer>
    </>
  );
}
