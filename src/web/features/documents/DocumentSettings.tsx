import type { FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { can, useMe } from '../auth/useMe.js';

type Settings = {
  unitId: number;
  issuer: { above: string | null; name: string };
  authority: string;
  signerTitle: string[];
  signerName: string | null;
  version: number;
};

/**
 * Who signs a commune's documents: the block printed at the foot of call letters, broadcast notices and the
 * one-stop forms. Those who may not change it see it read-only, with no save button.
 */
export function DocumentSettings({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const editable = can(useMe().data, 'unit.manage');
  const settings = useQuery({
    queryKey: ['document-settings', unitId],
    queryFn: () => api<Settings>(`/api/documents/settings/${unitId}`),
  });
  const { notice, run } = useNotice();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const text = (k: string) => String(d.get(k) ?? '').trim();
    const body = {
      authority: text('authority'),
      signerTitle: [text('signerTitle'), text('signerTitle2')].filter(Boolean),
      signerName: text('signerName') || null,
      version: settings.data!.version,
    };
    await run(async () => {
      await api(`/api/documents/settings/${unitId}`, { method: 'PUT', body });
      await client.invalidateQueries({ queryKey: ['document-settings', unitId] });
      return t('documents.saved');
    });
  }

  const s = settings.data;
  return (
    <section aria-labelledby="document-signer">
      <h2 id="document-signer">{t('documents.title')}</h2>
      <QueryState isLoading={settings.isLoading} error={settings.error} />
      {s && (
        <form key={s.version} className="card" onSubmit={(e) => void save(e)}>
          <p className="muted">{t('documents.hint')}</p>
          <p>
            {t('documents.issuer')}: <strong>{[s.issuer.above, s.issuer.name].filter(Boolean).join(' — ')}</strong>
          </p>
          <fieldset disabled={!editable}>
            <label>
              {t('documents.authority')}
              <input name="authority" maxLength={60} defaultValue={s.authority} />
              <small className="muted">{t('documents.authorityHint')}</small>
            </label>
            <label>
              {t('documents.signerTitle')}
              <input name="signerTitle" maxLength={60} minLength={2} required defaultValue={s.signerTitle[0]} />
            </label>
            <label>
              {t('documents.signerTitle2')}
              <input name="signerTitle2" maxLength={60} defaultValue={s.signerTitle[1] ?? ''} />
            </label>
            <label>
              {t('documents.signerName')}
              <input name="signerName" maxLength={80} defaultValue={s.signerName ?? ''} autoComplete="off" />
            </label>
          </fieldset>
          <NoticeLine notice={notice} />
          {editable ? (
            <button className="primary" type="submit">
              {t('documents.save')}
            </button>
          ) : (
            <p className="muted">{t('documents.readOnly')}</p>
          )}
        </form>
      )}
    </section>
  );
}
