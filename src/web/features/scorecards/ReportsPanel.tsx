import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { formatDateTime } from '../../lib/format.js';
import { useCreateReport, useReports } from './dashboard-api.js';
import { monthLabel } from './DashboardParts.js';

/** A unit's monthly PDF reports: made by a job on request, listed with their state, each downloadable once done. */
export function ReportsPanel({ unit, period, canCreate }: { unit: number; period: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const reports = useReports(unit);
  const create = useCreateReport(unit);
  const { notice, run } = useNotice();
  const stateOf = (status: string) => t(`scorecardDash.reports.state.${status}`, { defaultValue: status });
  return (
    <section aria-labelledby="scorecard-reports" data-testid="scorecard-reports">
      <h2 id="scorecard-reports">{t('scorecardDash.reports.title')}</h2>
      {canCreate && (
        <p className="actions">
          <button
            type="button"
            disabled={create.isPending}
            onClick={() =>
              run(async () => {
                await create.mutateAsync(period);
                return t('scorecardDash.reports.created');
              })
            }
          >
            {t('scorecardDash.reports.create')} ({monthLabel(period)})
          </button>
        </p>
      )}
      <NoticeLine notice={notice} />
      <QueryState isLoading={reports.isLoading} error={reports.error} />
      {reports.data && reports.data.length === 0 && <p className="muted">{t('scorecardDash.reports.none')}</p>}
      {reports.data && reports.data.length > 0 && (
        <div className="scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t('scorecardDash.reports.period')}</th>
                <th>{t('scorecardDash.reports.status')}</th>
                <th>{t('scorecardDash.reports.createdAt')}</th>
                <th>{t('scorecardDash.reports.file')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.map((r) => (
                <tr key={r.id} data-status={r.status}>
                  <td>{monthLabel(r.period)}</td>
                  <td>{stateOf(r.status)}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>
                    {r.finishedAt && r.fileName ? (
                      <a href={`/api/scorecards/reports/${r.id}/file`} download={r.fileName}>
                        {t('scorecardDash.reports.download')}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
