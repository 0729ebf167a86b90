import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';

/** Scanning papers in at the counter (or attaching the result): PDF, JPEG or PNG, checked by content on the server. */
export function ScanUpload({ dossierId }: { dossierId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const data = new FormData(formEl);
    setError(null);
    try {
      const form = new FormData();
      form.append('kind', String(data.get('kind')));
      form.append('file', data.get('file') as File);
      await api(`/api/dossiers/${dossierId}/files`, { method: 'POST', form });
      formEl.reset();
      await client.invalidateQueries({ queryKey: ['dossier', dossierId] });
    } catch (e) {
      setError(messageOf(e));
    }
  }
  return (
    <form className="actions" onSubmit={(e) => void send(e)}>
      <select name="kind" aria-label={t('dossiers.desk.scan')}>
        <option value="SCAN">{t('dossiers.desk.scan')}</option>
        <option value="RESULT">{t('dossiers.desk.resultFile')}</option>
      </select>
      <input
        name="file"
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        required
        aria-label={t('dossiers.desk.papers')}
      />
      <button type="submit">{t('dossiers.desk.papers')} +</button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
