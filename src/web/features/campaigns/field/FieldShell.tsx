import { type ReactNode, useEffect, useSyncExternalStore } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';
import { formatDateTime } from '../../../lib/format.js';
import { LoginPage } from '../../auth/LoginPage.js';
import { useMe } from '../../auth/useMe.js';
import { FieldMenu } from './FieldMenu.js';
import { fieldEvents, queued } from './store.js';
import { startAutoSync, syncNow, syncState } from './sync.js';
import { useField } from './useField.js';
import { useOnline } from './useOnline.js';

/**
 * The field app's frame: works from the device's store with or without a network. Only a server that answers
 * "signed out" sends the member to the sign-in form; no answer at all (offline) does not.
 */
export function FieldShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  useEffect(() => startAutoSync(), []);
  const waiting = useField(async () => (await queued()).filter((q) => q.state === 'PENDING').length, []);
  const online = useOnline();
  const sync = useSyncExternalStore((notify) => {
    fieldEvents.addEventListener('change', notify);
    return () => fieldEvents.removeEventListener('change', notify);
  }, syncState);
  if (me.data === null) return <LoginPage />;
  return (
    <>
      <header className="top">
        <Link href="/field" className="brand">
          {t('campaigns.field.title')}
        </Link>
        <span className="badge" data-testid="network">
          {online ? t('campaigns.field.online') : t('campaigns.field.offline')}
        </span>
        <FieldMenu waiting={waiting ?? 0} online={online} />
        <LanguageSwitch />
      </header>
      <main>
        <p className="actions" data-testid="waiting">
          <span>{waiting ? t('campaigns.field.waiting', { count: waiting }) : t('campaigns.field.allSent')}</span>
          {waiting ? (
            <button type="button" onClick={() => void syncNow()} disabled={!online || sync.running}>
              {sync.running ? t('campaigns.field.sending') : t('campaigns.field.sendNow')}
            </button>
          ) : null}
          {sync.lastSyncAt && (
            <span className="muted">
              {t('campaigns.field.lastSync', { at: formatDateTime(new Date(sync.lastSyncAt).toISOString()) })}
            </span>
          )}
          {sync.lastError === 'SIGNED_OUT' && <span className="error">{t('campaigns.field.signedOut')}</span>}
        </p>
        {children}
      </main>
    </>
  );
}
