import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../server/modules/imports/imports.schemas.js';
import { api } from '../../lib/api.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';

/** Rows an import added, changed and skipped, from its summary (a dry run that was never imported added nothing). */
function counts(j: ImportJob) {
  const s = j.summary ?? {};
  const n = (k: string) => s[k] ?? 0;
  if (j.mode !== 'IMPORT' || j.status !== 'DONE') return null;
  return {
    households: n('householdsCreated'),
    residents: n('residentsCreated'),
    changed: n('residentsUpdated') + n('residentsMoved') + n('householdsUpdated'),
    skipped: n('skippedRows'),
  };
}

/**
 * The import history of the officer's units: who uploaded which file when, what it added, changed and skipped, and
 * its error report, kept after the file itself is deleted.
 */
export function ImportHistory({ refreshKey }: { refreshKey: unknown }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['imports', refreshKey, i18n.language],
    queryFn: () => api<{ items: ImportJob[] }>(`/api/imports?lang=${i18n.language}`),
  });
  const items = list.data?.items ?? [];
  return (
    <div className="card" data-testid="import-history">
      <h2>{t('imports.history')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('imports.historyEmpty')}</p>
      ) : (
        <div className="scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t('imports.when')}</th>
                <th>{t('imports.who')}</th>
                <th>{t('imports.fileName')}</th>
                <th>{t('imports.inUnit')}</th>
                <th>{t('imports.status')}</th>
                <th>{t('imports.added')}</th>
                <th>{t('imports.changed')}</th>
                <th>{t('imports.skipped')}</th>
                <th>{t('imports.report')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((j) => {
                const c = counts(j);
                return (
                  <tr key={j.id}>
                    <td>{formatDateTime(j.createdAt)}</td>
                    <td>{j.uploadedBy}</td>
                    <td>{j.fileName}</td>
                    <td>{j.unitName}</td>
                    <td>{t(`imports.statuses.${j.status}`)}</td>
                    <td>{c ? t('imports.addedCount', c) : '—'}</td>
                    <td>{c ? formatNumber(c.changed) : '—'}</td>
                    <td>{c ? formatNumber(c.skipped) : '—'}</td>
                    <td>
                      {j.hasReport ? (
                        <a href={`/api/imports/${j.id}/report?lang=${i18n.language}`} download>
                          {t('imports.downloadReport')}
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
