import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';

/** Looking a dossier up without the link: its code and the last 4 digits of the phone given. */
export function LookupPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  async function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    try {
      const query = new URLSearchParams({
        code: String(data.get('code')).trim(),
        phoneLast4: String(data.get('phone')).trim(),
      });
      const found = await api<{ token: string }>(`/api/public/dossier-lookup?${query}`);
      navigate(`/s/${found.token}`);
    } catch (e) {
      setError(messageOf(e));
    }
  }
  return (
    <form className="card" onSubmit={find}>
      <h1>{t('dossiers.track.lookupTitle')}</h1>
      <label>
        {t('dossiers.track.lookupCode')}
        <input name="code" required minLength={5} maxLength={60} />
      </label>
      <label>
        {t('dossiers.track.lookupPhone')}
        <input name="phone" required inputMode="numeric" pattern="\d{4}" maxLength={4} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="primary" type="submit">
        {t('dossiers.track.lookupSend')}
      </button>
    </form>
  );
}
