import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../lib/api.js';

/** Loading and error states for a query, the same everywhere. */
export function QueryState({ isLoading, error }: { isLoading: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (isLoading)
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  if (error)
    return (
      <p className="error" role="alert">
        {messageOf(error)}
      </p>
    );
  return null;
}

export type Notice = { ok: boolean; text: string } | null;

/**
 * What to tell the person after an action: `run` clears the last notice, runs the work and shows the text it returns
 * (nothing when it returns none), or the error's message.
 */
export function useNotice() {
  const [notice, setNotice] = useState<Notice>(null);
  const run = async (work: () => Promise<unknown>) => {
    setNotice(null);
    try {
      const text = await work();
      if (typeof text === 'string' && text) setNotice({ ok: true, text });
    } catch (e) {
      setNotice({ ok: false, text: messageOf(e) });
    }
  };
  return { notice, run };
}

/** A notice, announced to screen readers as a status or an alert. */
export function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <p className={notice.ok ? 'ok' : 'error'} role={notice.ok ? 'status' : 'alert'}>
      {notice.text}
    </p>
  );
}
