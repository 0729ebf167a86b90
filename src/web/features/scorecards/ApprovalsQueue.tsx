import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useFormErrors } from '../../lib/form-errors.js';
import { useMe } from '../auth/useMe.js';
import { formatValue, useCatalog } from './catalog-api.js';
import { EvidenceList, fractionOf } from './EntriesCard.js';
import { type Entry, useEntries, useEntriesChanged, useWorkUnits, usePeriodLabel } from './entries-api.js';

/**
 * The province's queue of values sent for approval, oldest first: each with its numbers, note and evidence to open;
 * "Duyệt" locks it and the figures are recomputed, "Trả lại" sends it back with a reason the unit reads on its form.
 */
export function ApprovalsQueue() {
  const { t } = useTranslation();
  const work = useWorkUnits();
  const [unitId, setUnitId] = useState<number>();
  // What was last decided, said above the queue: the card itself leaves the queue as it is decided.
  const [decided, setDecided] = useState<string | null>(null);
  const roots = work.units.filter((u) => u.tier === 'PROVINCE');
  const unit = work.units.find((u) => u.id === unitId) ?? roots[0] ?? work.units[0];
  const queue = useEntries({ unit: unit?.id, status: 'SUBMITTED' });
  const items = [...(queue.data ?? [])].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  return (
    <section data-testid="approvals">
      <h2>{t('scorecardEntry.approvals.title')}</h2>
      {roots.length > 1 && (
        <label>
          {t('scorecardEntry.unit')}
          <select value={unit?.id ?? ''} onChange={(e) => setUnitId(Number(e.target.value))}>
            {roots.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {decided && (
        <p className="ok" role="status">
          {decided}
        </p>
      )}
      <QueryState isLoading={work.isLoading || queue.isLoading} error={work.error ?? queue.error} />
      {queue.data && items.length === 0 && <p className="muted">{t('scorecardEntry.approvals.none')}</p>}
      <ul className="cards">
        {items.map((entry) => (
          <ApprovalCard key={entry.id} entry={entry} scopeUnit={unit?.id} onDecided={setDecided} />
        ))}
      </ul>
    </section>
  );
}

function ApprovalCard({
  entry,
  scopeUnit,
  onDecided,
}: {
  entry: Entry;
  scopeUnit: number | undefined;
  onDecided: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const catalog = useCatalog(scopeUnit);
  const changed = useEntriesChanged();
  const periodLabel = usePeriodLabel();
  const { notice, run } = useNotice();
  const [returning, setReturning] = useState(false);
  const errors = useFormErrors();
  const indicator = catalog.data?.indicators.find((i) => i.id === entry.indicatorId) ?? {
    measure: entry.measure,
    unitVi: '',
    unitEn: '',
  };
  const name = i18n.language.startsWith('en') ? entry.indicatorName.en : entry.indicatorName.vi;
  // The server refuses approving one's own submission; the button is not offered for it.
  const own = entry.createdBy?.id === me?.user.id;

  const approve = () =>
    run(async () => {
      await api(`/api/scorecards/entries/${entry.id}/approve`, {
        method: 'POST',
        body: { rowVersion: entry.rowVersion },
      });
      onDecided(t('scorecardEntry.approvals.approved', { name, unit: entry.unit.name }));
      await changed();
    });

  async function sendBack(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (!errors.check({ reason: { value: reason, required: true } })) return;
    try {
      await api(`/api/scorecards/entries/${entry.id}/return`, {
        method: 'POST',
        body: { rowVersion: entry.rowVersion, reason },
      });
      setReturning(false);
      onDecided(t('scorecardEntry.approvals.returned', { name, unit: entry.unit.name }));
      await changed();
    } catch (e) {
      errors.fromError(e, ['reason']);
    }
  }

  return (
    <li className="card" data-testid={`approval-${entry.id}`}>
      <strong>{name}</strong>
      <div className="muted">
        {entry.unit.name} · {periodLabel(entry.period)} · {t('scorecardEntry.version', { n: entry.version })}
        {entry.correctsId && ` · ${t('scorecardEntry.approvals.correction')}`}
      </div>
      <p data-testid="approval-value">
        {formatValue(indicator, entry.value, i18n.language)}{' '}
        <span className="muted">({fractionOf(entry, i18n.language)})</span>
      </p>
      {entry.note && <p className="pre-line">{entry.note}</p>}
      <EvidenceList entry={entry} />
      <div className="muted">
        {entry.createdBy?.name}
        {entry.submittedAt && ` · ${t('scorecardEntry.approvals.sentAt')} ${formatDateTime(entry.submittedAt)}`}
      </div>
      <NoticeLine notice={notice} />
      {returning ? (
        <form className="stack" onSubmit={(e) => void sendBack(e)} noValidate>
          {errors.summary()}
          <label>
            {t('scorecardEntry.approvals.reason')}
            <textarea name="reason" rows={3} maxLength={1000} {...errors.props('reason')} />
            {errors.message('reason')}
          </label>
          <div className="actions">
            <button type="submit" className="primary" data-testid="approval-return-send">
              {t('scorecardEntry.approvals.return')}
            </button>
            <button type="button" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          {!own && (
            <button type="button" className="primary" onClick={() => void approve()} data-testid="approval-approve">
              {t('scorecardEntry.approvals.approve')}
            </button>
          )}
          <button type="button" onClick={() => setReturning(true)} data-testid="approval-return">
            {t('scorecardEntry.approvals.return')}
          </button>
        </div>
      )}
    </li>
  );
}
