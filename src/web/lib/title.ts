import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The tab's title follows the page's heading ("Hồ sơ 000.00.05.H01-261205-0001 · Kết nối"), so a person with several
 * tabs, a screen reader announcing the page, and the browser's history all say which page it is. Headings are often
 * filled in once data arrives, so the title follows the first <h1> under <main> as it changes.
 */
export function useDocumentTitle() {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    const follow = () => {
      const heading = document.querySelector('main h1')?.textContent?.trim();
      const title = heading && heading !== app ? `${heading} · ${app}` : app;
      if (document.title !== title) document.title = title;
    };
    follow();
    const observer = new MutationObserver(follow);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [app]);
}
