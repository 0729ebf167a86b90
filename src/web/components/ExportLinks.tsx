import { useTranslation } from 'react-i18next';

/** "Export Excel / Export CSV" for a list: the same filter, streamed by the server as a download. */
export function ExportLinks({ path, query }: { path: string; query: string }) {
  const { t } = useTranslation();
  return (
    <p className="actions">
      <a href={`${path}?format=xlsx&${query}`} download>
        {t('common.exportXlsx')}
      </a>
      <a href={`${path}?format=csv&${query}`} download>
        {t('common.exportCsv')}
      </a>
    </p>
  );
}
