import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enclosingPeriods, monthOf, type PeriodKind } from '../../../shared/scorecards.js';
import { QueryState } from '../../components/Status.js';
import { can, useMe } from '../auth/useMe.js';
import { ApprovalsQueue } from './ApprovalsQueue.js';
import { useCatalog } from './catalog-api.js';
import { EntriesCard } from './EntriesCard.js';
import { useEntriesOf, usePeriodLabel, useSuggestions, useWorkUnits } from './entries-api.js';

const kindIndex: Record<PeriodKind, number> = { MONTH: 0, QUARTER: 1, YEAR: 2 };

/**
 * `/scorecards/entries`: a commune (or group) types in its entered indicators with evidence and sends them to the
 * province; the province works through the values waiting for approval. Each part shows only to a role that may use it.
 */
export function EntriesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!can(me, 'scorecard.approve') && !can(me, 'scorecard.enter'))
    return (
      <p className="error" role="alert">
        {t('common.noAccess')}
      </p>
    );
  return (
    <div className="scorecard-entries">
      <h1>{t('scorecardEntry.title')}</h1>
      {can(me, 'scorecard.approve') && <ApprovalsQueue />}
      {can(me, 'scorecard.enter') && <EntryBoard />}
    </div>
  );
}

/** The unit's entered indicators for the month chosen: each in the period of its own kind (quarter, year) enclosing it. */
function EntryBoard() {
  const { t, i18n } = useTranslation();
  const work = useWorkUnits();
  const [unitId, setUnitId] = useState<number>();
  const [month, setMonth] = useState(() => monthOf(new Date()));
  const unit = work.units.find((u) => u.id === unitId) ?? work.units.find((u) => u.tier !== 'PROVINCE');
  const catalog = useCatalog(unit?.id);
  const periods = enclosingPeriods(month);
  const entries = useEntriesOf(unit?.id, periods);
  const suggestions = useSuggestions(unit?.id, periods.slice(1));
  const periodLabel = usePeriodLabel();
  const indicators = (catalog.data?.indicators ?? []).filter(
    (i) => i.kind === 'ENTERED' && i.active && !!unit && i.levels.includes(unit.tier as never),
  );
  return (
    <section data-testid="entry-board">
      <h2>{t('scorecardEntry.board.title')}</h2>
      <div className="filters">
        <label>
          {t('scorecardEntry.unit')}
          <select value={unit?.id ?? ''} onChange={(e) => setUnitId(Number(e.target.value))} data-testid="entry-unit">
            {work.units
              .filter((u) => u.tier !== 'PROVINCE')
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('scorecardEntry.month')}
          <input
            type="month"
            value={month}
            required
            onChange={(e) => e.target.value && setMonth(e.target.value)}
            data-testid="entry-month"
          />
        </label>
      </div>
      <QueryState
        isLoading={work.isLoading || catalog.isLoading || entries.isLoading}
        error={work.error ?? catalog.error ?? entries.error}
      />
      {catalog.data && indicators.length === 0 && <p className="muted">{t('scorecardEntry.board.none')}</p>}
      <ul className="cards">
        {unit &&
          indicators.map((indicator) => {
            const period = periods[kindIndex[indicator.periodKind]] ?? month;
            const versions = entries.items.filter((e) => e.indicatorId === indicator.id && e.period === period);
            const latest = versions.sort((a, b) => b.version - a.version)[0];
            return (
              <EntriesCard
                key={`${indicator.id}-${period}-${unit.id}`}
                indicator={indicator}
                unit={unit}
                period={period}
                periodLabel={periodLabel(period)}
                latest={latest}
                suggestion={suggestions.find(
                  (s) => s.indicatorId === indicator.id && (s as { period?: string }).period === period,
                )}
                lang={i18n.language}
              />
            );
          })}
      </ul>
    </section>
  );
}
