import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api.js';
import { CITIZEN_LANGS, type Lang, STAFF_LANGS, setLanguage, showLanguage, storedLanguage } from '../lib/i18n.js';

/**
 * The language buttons, each name written in its own language; remembered on the device, and on the account when
 * signed in. Citizen pages offer 日本語 and 中文 too; the staff console only Vietnamese and English.
 */
/** Each language's short mark, in its own script. */
const SHORT: Record<Lang, string> = { vi: 'VI', en: 'EN', ja: '日', zh: '中' };

export function LanguageSwitch({ signedIn = false, citizen = false }: { signedIn?: boolean; citizen?: boolean }) {
  const { t, i18n } = useTranslation();
  const langs: readonly Lang[] = citizen ? CITIZEN_LANGS : STAFF_LANGS;
  // In an effect, not during render: the server renders these pages too, and it has no localStorage.
  useEffect(() => {
    const wanted = storedLanguage() ?? 'vi';
    const shown = langs.includes(wanted) ? wanted : 'vi';
    if (i18n.language !== shown) void showLanguage(shown);
  }, [langs, i18n]);
  const change = async (lang: Lang) => {
    await setLanguage(lang);
    if (signedIn) await api('/api/auth/locale', { method: 'PUT', body: { locale: lang } }).catch(() => undefined);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a border and legend into the header bar
    <div className="lang" role="group" aria-label={t('lang.label')}>
      {langs.map((lang) => (
        <button
          key={lang}
          type="button"
          aria-pressed={i18n.language === lang}
          onClick={() => void change(lang)}
          lang={lang === 'zh' ? 'zh-Hans' : lang}
          aria-label={citizen ? t(`lang.${lang}`) : undefined}
          title={citizen ? t(`lang.${lang}`) : undefined}
        >
          {/* Four names do not fit a 360-px header beside the menu: the citizen bar shows each by a short mark. */}
          {citizen ? SHORT[lang] : t(`lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}
