import { useTranslation } from 'react-i18next';
import { api } from '../lib/api.js';
import { setLanguage, type Lang } from '../lib/i18n.js';

/** Vietnamese / English; remembered on the device, and on the account when signed in. */
export function LanguageSwitch({ signedIn = false }: { signedIn?: boolean }) {
  const { t, i18n } = useTranslation();
  const change = async (lang: Lang) => {
    await setLanguage(lang);
    if (signedIn) await api('/api/auth/locale', { method: 'PUT', body: { locale: lang } }).catch(() => undefined);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a border and legend into the header bar
    <div className="lang" role="group" aria-label={t('lang.label')}>
      {(['vi', 'en'] as const).map((lang) => (
        <button
          key={lang}
          type="button"
          aria-pressed={i18n.language === lang}
          onClick={() => void change(lang)}
          lang={lang}
        >
          {t(`lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}
