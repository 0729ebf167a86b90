import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../features/auth/useMe.js';
import type { Permission } from '../../shared/permissions.js';

/**
 * A console page reached by URL (a bookmark, a typed address) by someone whose role may not use it: one clear sentence
 * instead of the page's form and a row of refused data calls. The menu already hides these links; this covers the URL.
 */
export function Guard({ need, children }: { need: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return null;
  if (!can(me.data, need))
    return (
      <p className="error" role="alert">
        {t('common.noAccess')}
      </p>
    );
  return <>{children}</>;
}
