import { useTranslation } from 'react-i18next';
import { messageOf } from '../lib/api.js';

/** Loading and error states for a query, the same everywhere. */
export function QueryState({ isLoading, error }: { isLoading: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (isLoading) return <p className="muted" role="status">{t('common.loading')}</p>;
  if (error) return <p className="error" role="alert">{messageOf(error)}</p>;
  return null;
}
