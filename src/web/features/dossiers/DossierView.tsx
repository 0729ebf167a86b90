import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { formatDateTime, formatPhone } from '../../lib/format.js';
import { Shipments } from '../counter/Shipments.js';
import { ActionPanel } from './ActionPanel.js';
import { DossierPapers } from './DossierPapers.js';
import { useDossier } from './api.js';
import { PrintForms } from './Results.js';
import { ScanUpload } from './ScanUpload.js';

/** One dossier: the applicant, the papers, the history, and exactly the actions the workflow allows now. */
export function DossierView({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useDossier(id);
  const d = query.data;
  if (!d) return <QueryState isLoading={query.isLoading} error={query.error} />;
  return (
    <article>
      <p>
        <Link href="/dossiers">← {t('dossiers.desk.title')}</Link>
      </p>
      <h1 data-testid="dossier-code">{d.code}</h1>
      <p>
        <span className={`badge status-${d.status}`} data-testid="dossier-status">
          {t(`dossiers.status.${d.status}`)}
        </span>
        {d.awaitingApproval && <span className="badge"> {t('dossiers.desk.awaitingApproval')}</span>}
        {d.overdue && <span className="badge late"> {t('dossiers.track.overdue')}</span>}
        {d.onTime !== null && (
          <span className="badge"> {d.onTime ? t('dossiers.desk.onTime') : t('dossiers.desk.late')}</span>
        )}
      </p>
      <dl className="facts">
        <dt>{t('dossiers.desk.procedure')}</dt>
        <dd>
          {d.procedureName} ({d.procedureCode})
        </dd>
        <dt>{t('dossiers.desk.applicant')}</dt>
        <dd>
          {d.applicantName}
          {d.applicantPersonalId ? ` · ${d.applicantPersonalId}` : ''}
        </dd>
        <dt>{t('dossiers.desk.applicantContact')}</dt>
        <dd>{[formatPhone(d.applicantPhone), d.applicantEmail, d.applicantAddress].filter(Boolean).join(' · ')}</dd>
        <dt>{t('dossiers.track.submitted')}</dt>
        <dd>
          {formatDateTime(d.submittedAt)} · {t(`dossiers.channel.${d.channel}`)}
        </dd>
        {d.dueAt && (
          <>
            <dt>{t('dossiers.track.due')}</dt>
            <dd>
              {formatDateTime(d.dueAt)}
              {d.extendedDueAt ? ` → ${formatDateTime(d.extendedDueAt)}` : ''}
            </dd>
          </>
        )}
        <dt>{t('dossiers.submit.result')}</dt>
        <dd>
          {t(`dossiers.returnMethod.${d.returnMethod}`)}
          {d.postalAddress ? `: ${d.postalAddress}` : ''}
        </dd>
        {d.assigneeName && (
          <>
            <dt>{t('dossiers.desk.assignee')}</dt>
            <dd>{d.assigneeName}</dd>
          </>
        )}
      </dl>
      {d.fields.length > 0 && (
        <>
          <h2>{t('dossiers.desk.fields')}</h2>
          <dl className="facts">
            {d.fields.flatMap((f) => [<dt key={`k-${f.key}`}>{f.label}</dt>, <dd key={`v-${f.key}`}>{f.value}</dd>])}
          </dl>
        </>
      )}
      <ActionPanel dossier={d} />
      <DossierPapers dossier={d} />
      {(d.returnMethod === 'POST' || d.channel === 'POSTAL') && (
        <Shipments dossierId={d.id} postalAddress={d.postalAddress} />
      )}
      <h2>{t('dossiers.desk.papers')}</h2>
      <ul>
        {/* Every file, including results and papers outside the procedure's list. */}
        {d.files.map((f) => (
          <li key={f.id}>
            <a href={`/api/dossiers/${d.id}/files/${f.id}`} target="_blank" rel="noreferrer">
              {f.label ?? f.fileName}
            </a>{' '}
            <span className="muted">({Math.ceil(f.size / 1024)} KB)</span>
          </li>
        ))}
      </ul>
      <ScanUpload dossierId={d.id} />
      <h2>{t('dossiers.track.timeline')}</h2>
      <ol className="timeline">
        {d.events.map((e) => (
          <li key={e.id}>
            <strong>{t(`dossiers.action.${e.action}`)}</strong> — {formatDateTime(e.at)}
            {e.actorName ? ` · ${e.actorName}` : ''}
            {e.reason ? `: ${e.reason}` : ''}
          </li>
        ))}
      </ol>
      <p>
        <a href={`/s/${d.token}`} target="_blank" rel="noreferrer">
          {t('dossiers.desk.statusLink')}
        </a>{' '}
        ·{' '}
        <a href={`/api/public/dossiers/${d.token}/forms/01`} target="_blank" rel="noreferrer">
          {t('dossiers.track.form.01')}
        </a>
      </p>
      <PrintForms token={d.token} formTypes={d.events.map((e) => e.formType)} />
    </article>
  );
}
