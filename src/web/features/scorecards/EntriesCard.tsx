import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { api } from '../../lib/api.js';
import { NoticeLine, useNotice } from '../../components/Status.js';
import { formatValue, type Indicator, nameOf } from './catalog-api.js';
import { EntriesForm, type EntryValues } from './EntriesForm.js';
import {
  type Entry,
  editableStatuses,
  evidenceUrl,
  type Suggestion,
  type UnitRef,
  useEntriesChanged,
  useEntryDetail,
} from './entries-api.js';

type Props = {
  indicator: Indicator;
  unit: UnitRef;
  period: string;
  periodLabel: string;
  latest: Entry | undefined;
  suggestion: Suggestion | undefined;
  lang: string;
};

/** "12 / 15" or "12": the two numbers a value was worked out from. */
export const fractionOf = (e: Pick<Entry, 'numerator' | 'denominator'>, lang: string) =>
  e.denominator === null
    ? formatNumber(e.numerator, lang)
    : `${formatNumber(e.numerator, lang)} / ${formatNumber(e.denominator, lang)}`;

/** The evidence of a version: each file opens in a new tab (the server sends it with its own type). */
export function EvidenceList({ entry, onRemove }: { entry: Entry; onRemove?: (id: number) => void }) {
  const { t } = useTranslation();
  if (entry.evidence.length === 0) return <p className="muted">{t('scorecardEntry.evidence.none')}</p>;
  return (
    <ul className="files" data-testid="entry-evidence">
      {entry.evidence.map((f) => (
        <li key={f.id}>
          <a href={evidenceUrl(f.id)} target="_blank" rel="noopener noreferrer">
            {f.fileName}
          </a>{' '}
          <span className="muted">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
          {onRemove && (
            <button
              type="button"
              onClick={() => onRemove(f.id)}
              aria-label={t('scorecardEntry.evidence.remove', { name: f.fileName })}
            >
              {t('scorecardEntry.evidence.removeShort')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * One entered indicator of a unit for a period: its latest version (status, value, evidence, the province's reason
 * when returned), the form while it can still change, and the versions before it. An approved value is locked; a
 * correction starts a new version, which goes through approval again.
 */
export function EntriesCard({ indicator, unit, period, periodLabel, latest, suggestion, lang }: Props) {
  const { t } = useTranslation();
  const changed = useEntriesChanged();
  const { notice, run } = useNotice();
  const [correcting, setCorrecting] = useState(false);
  const [starting, setStarting] = useState(false);
  const editable = !!latest && editableStatuses.includes(latest.status);
  const showForm = editable || correcting || starting;
  const closeForm = () => {
    setCorrecting(false);
    setStarting(false);
  };

  // A new version starts from the approved numbers; a first entry from what the inventory says, where it says anything.
  const initial: EntryValues | undefined = latest
    ? { numerator: latest.numerator, denominator: latest.denominator, note: latest.note }
    : suggestion
      ? { numerator: suggestion.numerator, denominator: suggestion.denominator, note: '' }
      : undefined;

  const removeEvidence = (id: number) =>
    run(async () => {
      await api(`/api/scorecards/evidence/${id}`, { method: 'DELETE' });
      await changed();
    });

  return (
    <li className="card" data-testid={`entry-${indicator.code}`}>
      <strong>{nameOf(indicator, lang)}</strong>
      <div className="muted">
        {indicator.code} · {periodLabel}
        {latest && ` · ${t('scorecardEntry.version', { n: latest.version })}`}
      </div>
      <p>
        <span className={`badge status-${(latest?.status ?? 'NONE').toLowerCase()}`} data-testid="entry-status">
          {t(`scorecardEntry.status.${latest?.status ?? 'NONE'}`)}
        </span>{' '}
        {latest && (
          <span data-testid="entry-value">
            {formatValue(indicator, latest.value, lang)}
            {latest.denominator !== null && <span className="muted"> ({fractionOf(latest, lang)})</span>}
          </span>
        )}
      </p>
      {latest?.status === 'RETURNED' && latest.returnReason && (
        <p className="reason" data-testid="entry-return-reason">
          {t('scorecardEntry.returnedBecause')}: {latest.returnReason}
        </p>
      )}
      {latest?.status === 'SUBMITTED' && <p className="muted">{t('scorecardEntry.waiting')}</p>}
      {latest?.status === 'APPROVED' && (
        <p className="muted" data-testid="entry-locked">
          {t('scorecardEntry.locked')}
          {latest.decidedAt && ` · ${formatDateTime(latest.decidedAt)}`}
        </p>
      )}
      {latest?.note && !showForm && <p className="pre-line">{latest.note}</p>}
      {latest && <EvidenceList entry={latest} onRemove={editable ? removeEvidence : undefined} />}
      <NoticeLine notice={notice} />
      {showForm ? (
        <EntriesForm
          indicator={indicator}
          unitId={unit.id}
          period={period}
          editing={editable ? latest : undefined}
          hasEvidence={editable ? (latest?.evidence.length ?? 0) > 0 : false}
          initial={initial}
          suggestion={!latest ? suggestion : undefined}
          onDone={async () => {
            closeForm();
            await changed();
          }}
          onPartial={changed}
          onCancel={!editable ? closeForm : undefined}
        />
      ) : latest?.status === 'APPROVED' ? (
        <button type="button" onClick={() => setCorrecting(true)} data-testid="entry-correct">
          {t('scorecardEntry.correct')}
        </button>
      ) : !latest ? (
        <button type="button" className="primary" onClick={() => setStarting(true)} data-testid="entry-start">
          {t('scorecardEntry.start')}
        </button>
      ) : null}
      {latest && <EntriesHistory id={latest.id} indicator={indicator} lang={lang} />}
    </li>
  );
}

/** The versions of a value, newest first, read when opened (most cards are never opened). */
function EntriesHistory({ id, indicator, lang }: { id: number; indicator: Indicator; lang: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const detail = useEntryDetail(id, open);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('scorecardEntry.history')}</summary>
      {detail.isLoading && <p className="muted">{t('common.loading')}</p>}
      <ol className="timeline" data-testid="entry-history">
        {(detail.data?.history ?? []).map((v) => (
          <li key={v.id}>
            <strong>{t('scorecardEntry.version', { n: v.version })}</strong> · {t(`scorecardEntry.status.${v.status}`)}{' '}
            · {formatValue(indicator, v.value, lang)} ({fractionOf(v, lang)})
            <div className="muted">
              {v.createdBy?.name} · {formatDateTime(v.createdAt)}
              {v.decidedAt && ` → ${formatDateTime(v.decidedAt)}`}
            </div>
            {/* A version returned then corrected and resent keeps the province's reason: say whose words they are. */}
            {v.returnReason && (
              <div className="reason">
                {t('scorecardEntry.returnedBecause')}: {v.returnReason}
              </div>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
