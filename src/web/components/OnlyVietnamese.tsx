import { useTranslation } from 'react-i18next';

/**
 * One line saying the text around it is in Vietnamese because the commune entered no translation for it; `text`
 * for a list where only some of it is (the catalog's names: "Some procedure names are shown in Vietnamese only").
 */
export function OnlyVietnamese({ text }: { text?: string }) {
  const { t } = useTranslation();
  return (
    <p className="muted notice-line" data-testid="only-vietnamese">
      {text ?? t('common.onlyVietnamese')}
    </p>
  );
}
