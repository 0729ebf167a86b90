import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/api.js';

/**
 * The two steps every registry change takes: fill the form, then read one sentence saying exactly what will be
 * written and confirm it (or go back). Nothing is sent before the confirmation.
 */
export function ActionForm({
  title,
  children,
  confirmText,
  onConfirm,
  onCancel,
  pending,
  error,
  direct,
}: {
  title: string;
  children: ReactNode;
  /** The sentence naming what will happen, built from the filled form. */
  confirmText: () => string;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
  /** Nothing to fill in (an undo): open straight on the sentence to confirm. */
  direct?: boolean;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<string | null>(direct ? confirmText : null);
  const next = (e: FormEvent) => {
    e.preventDefault();
    setConfirming(confirmText());
  };
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {error ? (
        <p className="error" role="alert">
          {messageOf(error)}
        </p>
      ) : null}
      {confirming === null ? (
        <form onSubmit={next} className="stack">
          {children}
          <p className="actions">
            <button type="submit" className="primary">
              {t('households.act.next')}
            </button>
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </p>
        </form>
      ) : (
        <div>
          <p className="confirm" role="status">
            {confirming}
          </p>
          <p className="actions">
            <button type="button" className="primary" disabled={pending} onClick={onConfirm}>
              {t('households.act.confirm')}
            </button>
            <button type="button" onClick={direct ? onCancel : () => setConfirming(null)}>
              {direct ? t('common.cancel') : t('households.act.back')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
