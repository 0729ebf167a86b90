import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Puts `text` on the clipboard, by the Clipboard API where the page may use it, else by a selected text box. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Plain http inside a commune's network has no Clipboard API: the old way still works on every phone.
    const box = document.createElement('textarea');
    box.value = text;
    box.setAttribute('readonly', '');
    box.style.position = 'fixed';
    box.style.opacity = '0';
    document.body.append(box);
    box.select();
    const done = document.execCommand('copy');
    box.remove();
    return done;
  }
}

/** A small button that copies one value (an account number, an amount) and says so for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="copy"
      aria-label={t('payments.copyWhat', { what: label })}
      onClick={() =>
        void copy(text).then((ok) => {
          setCopied(ok);
          if (ok) setTimeout(() => setCopied(false), 2000);
        })
      }
    >
      {copied ? t('payments.copied') : t('payments.copy')}
    </button>
  );
}
