import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useLogout } from '../../auth/useMe.js';

/**
 * The way out of the field app: back to the console, and signing out. Signing out keeps the visits not yet sent on the
 * phone (they go when the member who recorded them signs in again) and takes the household lists off it (useLogout);
 * the menu says so when visits wait. It needs the network: offline, the server's session could not be ended and the
 * phone would still be signed in at the next page load, so the button waits for a network.
 */
export function FieldMenu({ waiting, online }: { waiting: number; online: boolean }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const [location] = useLocation();
  return (
    // Keyed by the page: moving on closes the menu, as in the console.
    <details className="menu" key={location} data-testid="field-menu">
      <summary>{t('nav.menu')}</summary>
      <nav>
        <Link href="/">{t('campaigns.field.toConsole')}</Link>
        <button type="button" disabled={!online || logout.isPending} onClick={() => logout.mutate(false)}>
          {t('nav.logout')}
        </button>
        {waiting > 0 && (
          <small className="muted" data-testid="sign-out-keeps" style={{ padding: '0 12px 8px' }}>
            {t('campaigns.field.signOutKeeps', { count: waiting })}
          </small>
        )}
        {!online && (
          <small className="muted" style={{ padding: '0 12px 8px' }}>
            {t('campaigns.field.signOutNeedsNetwork')}
          </small>
        )}
      </nav>
    </details>
  );
}
