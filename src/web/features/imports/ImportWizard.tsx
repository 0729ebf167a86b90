import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../server/modules/imports/imports.schemas.js';
import { api, messageOf } from '../../lib/api.js';
import { UnitTree } from '../units/UnitTree.js';
import type { Unit } from '../units/api.js';
import { ImportHistory } from './ImportHistory.js';

/** Where a job stops moving by itself: nothing more to poll. */
const ended: ImportJob['status'][] = ['VALIDATED', 'DONE', 'FAILED', 'CANCELLED', 'EXPIRED'];

/**
 * Template → upload (dry run, nothing written) → the error report row by row → import, or import skipping bad rows.
 * Progress is polled while the job runs.
 */
export function ImportWizard() {
  const { t, i18n } = useTranslation();
  const [unit, setUnit] = useState<Unit | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('unitId', String(unit!.id));
      form.append('file', file!);
      return api<ImportJob>('/api/imports', { method: 'POST', form });
    },
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({
    queryKey: ['import', jobId, i18n.language],
    queryFn: () => api<ImportJob>(`/api/imports/${jobId}?lang=${i18n.language}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && ended.includes(q.state.data.status) ? false : 700),
  });
  const cancel = useMutation({
    mutationFn: () => api<ImportJob>(`/api/imports/${jobId}/cancel`, { method: 'POST' }),
    onSuccess: () => void job.refetch(),
  });
  const commit = useMutation({
    mutationFn: (skipBadRows: boolean) =>
      api<ImportJob>(`/api/imports/${jobId}/commit`, { method: 'POST', body: { skipBadRows } }),
    onSuccess: () => void job.refetch(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (unit && file) upload.mutate();
  };
  const reset = () => {
    setJobId(null);
    setFile(null);
    upload.reset();
    commit.reset();
  };
  const j = job.data;
  return (
    <section>
      <h1>{t('imports.title')}</h1>
      <div className="card">
        <h2>{t('imports.step1')}</h2>
        <p className="actions">
          <a href="/api/imports/template?format=xlsx" download>
            {t('imports.templateXlsx')}
          </a>
          <a href="/api/imports/template?format=csv" download>
            {t('imports.templateCsv')}
          </a>
        </p>
      </div>
      {jobId === null && (
        <form className="card" onSubmit={submit}>
          <h2>{t('imports.step2')}</h2>
          <p>
            {t('imports.unit')}: <strong data-testid="import-unit">{unit?.name ?? '—'}</strong>
          </p>
          <UnitTree onSelect={setUnit} selected={unit?.id} />
          <label>
            {t('imports.file')}
            <input
              type="file"
              name="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          {upload.isError && (
            <p role="alert" className="error">
              {messageOf(upload.error)}
            </p>
          )}
          <button type="submit" className="primary" disabled={!unit || !file || upload.isPending}>
            {upload.isPending ? t('imports.uploading') : t('imports.upload')}
          </button>
        </form>
      )}
      {j && (
        <div className="card" data-testid="import-report">
          <h2>
            {t('imports.step3')} — {j.fileName} → {j.unitName}
          </h2>
          {(j.status === 'QUEUED' || j.status === 'VALIDATING') && (
            <p role="status">
              <progress /> {t('imports.checking', { done: j.processedRows })}
            </p>
          )}
          {j.status === 'IMPORTING' && (
            <p role="status">
              <progress value={j.processedRows} max={j.totalRows || undefined} />{' '}
              {t('imports.importing', { done: j.processedRows, total: j.totalRows })}
            </p>
          )}
          {j.status === 'FAILED' && (
            <p role="alert" className="error">
              {t('imports.failed', { reason: j.failure })}
            </p>
          )}
          {j.status === 'VALIDATED' && j.errorCount === 0 && (
            <p className="ok">
              {t('imports.clean', {
                rows: j.summary?.validRows ?? j.totalRows,
                households: j.summary?.households ?? 0,
              })}
            </p>
          )}
          {j.status === 'VALIDATED' && j.errorCount > 0 && (
            <p role="alert" className="error">
              {t('imports.hasErrors', { count: j.errorCount })}
            </p>
          )}
          {j.status === 'VALIDATED' && j.summary && 'residentsUnchanged' in j.summary && (
            <p data-testid="import-would-do">{t('imports.wouldDo', j.summary)}</p>
          )}
          {j.hasReport && (
            <p>
              <a href={`/api/imports/${j.id}/report?lang=${i18n.language}`} download data-testid="import-report-link">
                {t('imports.downloadReport')}
              </a>
            </p>
          )}
          {j.notices.length > 0 && (
            <div data-testid="import-notices">
              <h3>{t('imports.notices')}</h3>
              <ul>
                {j.notices.map((n) => (
                  <li key={n.code}>
                    {n.message} ({t('imports.noticeRows', { rows: n.rows.join(', ') })}
                    {n.count > n.rows.length ? ` ${t('imports.noticeMore', { count: n.count - n.rows.length })}` : ''})
                  </li>
                ))}
              </ul>
            </div>
          )}
          {j.errors.length > 0 && j.status !== 'DONE' && (
            <>
              {j.errorCount > j.errors.length && (
                <p className="muted">{t('imports.moreErrors', { shown: j.errors.length, count: j.errorCount })}</p>
              )}
              <table className="table" data-testid="import-errors">
                <thead>
                  <tr>
                    <th>{t('imports.row')}</th>
                    <th>{t('imports.column')}</th>
                    <th>{t('imports.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {j.errors.map((e) => (
                    <tr key={`${e.row}:${e.column}:${e.message}`}>
                      <td>{e.row}</td>
                      <td>{e.column}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {j.status === 'VALIDATED' && (
            <p className="actions">
              {j.errorCount === 0 && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => commit.mutate(false)}
                  disabled={commit.isPending}
                >
                  {t('imports.commit')}
                </button>
              )}
              {j.errorCount > 0 && (j.summary?.validRows ?? 0) > 0 && (
                <button type="button" onClick={() => commit.mutate(true)} disabled={commit.isPending}>
                  {t('imports.commitSkipping', { count: j.summary?.badRows ?? j.errorCount })}
                </button>
              )}
              <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
                {t('imports.cancel')}
              </button>
            </p>
          )}
          {j.status === 'CANCELLED' && (
            <p className="ok" role="status">
              {t('imports.cancelled')}
            </p>
          )}
          {j.status === 'EXPIRED' && (
            <p className="muted" role="status">
              {t('imports.expired')}
            </p>
          )}
          {cancel.isError && (
            <p role="alert" className="error">
              {messageOf(cancel.error)}
            </p>
          )}
          {commit.isError && (
            <p role="alert" className="error">
              {messageOf(commit.error)}
            </p>
          )}
          {j.status === 'DONE' && (
            <p className="ok" role="status">
              {t('imports.done')}: {t('imports.summary', j.summary ?? {})}
            </p>
          )}
          {ended.includes(j.status) && (
            <button type="button" onClick={reset}>
              {t('imports.again')}
            </button>
          )}
        </div>
      )}
      <ImportHistory refreshKey={`${jobId}:${j?.status}`} />
    </section>
  );
}
