import { useTranslation } from 'react-i18next';

/** One line saying the text around it is in Vietnamese because the commune entered no translation for it. */
export function OnlyVietnamese() {
  const { t } = useTranslation();
  return (
    <p className="muted notice-line" data-testid="only-vietnamese">
      {t('common.onlyVietnamese')}
    </p>
  );
}
