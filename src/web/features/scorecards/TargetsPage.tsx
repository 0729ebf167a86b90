import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthOf } from '../../../shared/scorecards.js';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { useFormErrors } from '../../lib/form-errors.js';
import { useQueryClient } from '@tanstack/react-query';
import { formatValue, fromShown, type Indicator, nameOf, toShown, useCatalog } from './catalog-api.js';
import { type TargetRow, type UnitRef, useTargets, useWorkUnits, usePeriodLabel } from './entries-api.js';

/** The periods a target is usually set for: this year and next, this year's quarters, this month. */
function periodChoices(now: Date) {
  const month = monthOf(now);
  const year = Number(month.slice(0, 4));
  return [String(year), String(year + 1), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), month];
}

/**
 * `/scorecards/targets`: per indicator, the target the unit inherits (from the province or the commune above) and its
 * own, which may only be stricter; the server's refusal of a looser one is shown beside the field.
 */
export function TargetsPage() {
  const { t } = useTranslation();
  const work = useWorkUnits();
  const periodLabel = usePeriodLabel();
  const choices = periodChoices(new Date());
  const [unitId, setUnitId] = useState<number>();
  const [period, setPeriod] = useState(choices[0]!);
  const unit = work.units.find((u) => u.id === unitId) ?? work.units[0];
  const catalog = useCatalog(unit?.id);
  const targets = useTargets(unit?.id, period);
  const indicators = (catalog.data?.indicators ?? []).filter(
    (i) => i.active && !!unit && i.levels.includes(unit.tier as never),
  );
  return (
    <div className="scorecard-targets">
      <h1>{t('scorecardEntry.targets.title')}</h1>
      <p className="muted">{t('scorecardEntry.targets.intro')}</p>
      <div className="filters">
        <label>
          {t('scorecardEntry.unit')}
          <select value={unit?.id ?? ''} onChange={(e) => setUnitId(Number(e.target.value))}>
            {work.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scorecardEntry.targets.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="target-period">
            {choices.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState
        isLoading={work.isLoading || catalog.isLoading || targets.isLoading}
        error={work.error ?? catalog.error ?? targets.error}
      />
      <ul className="cards">
        {unit &&
          targets.data &&
          indicators.map((i) => (
            <TargetCard
              key={`${unit.id}-${period}-${i.id}`}
              indicator={i}
              unit={unit}
              period={period}
              row={targets.data.find((r) => r.indicatorId === i.id)}
            />
          ))}
      </ul>
    </div>
  );
}

function TargetCard({
  indicator,
  unit,
  period,
  row,
}: {
  indicator: Indicator;
  unit: UnitRef;
  period: string;
  row: TargetRow | undefined;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const periodLabel = usePeriodLabel();
  const errors = useFormErrors();
  const { notice, run } = useNotice();
  const lang = i18n.language;
  const percent = indicator.measure === 'PERCENT';
  const refresh = () => client.invalidateQueries({ queryKey: ['scorecard-targets'] });

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = String(new FormData(event.currentTarget).get('target') ?? '').trim();
    if (!errors.check({ target: { value: raw, required: true } })) return;
    try {
      await api('/api/scorecards/targets', {
        method: 'PUT',
        body: { unitId: unit.id, indicatorId: indicator.id, period, target: fromShown(indicator.measure, Number(raw)) },
      });
      errors.reset();
      await refresh();
    } catch (e) {
      errors.fromError(e, ['target']);
    }
  }

  const remove = (id: number) =>
    run(async () => {
      await api(`/api/scorecards/targets/${id}`, { method: 'DELETE' });
      await refresh();
    });

  const own = row?.own && row.own.period === period ? row.own : null;
  return (
    <li className="card" data-testid={`target-${indicator.code}`}>
      <strong>{nameOf(indicator, lang)}</strong>
      <div className="muted">
        {indicator.code} · {t(`scorecardEntry.direction.${indicator.direction}`)}
      </div>
      <p data-testid="target-inherited">
        {row?.inherited
          ? t('scorecardEntry.targets.inherited', {
              value: formatValue(indicator, row.inherited.target, lang),
              unit: row.inherited.setBy.name,
              period: periodLabel(row.inherited.period),
            })
          : t('scorecardEntry.targets.noInherited')}
      </p>
      <p>
        {t('scorecardEntry.targets.effective')}: <strong>{formatValue(indicator, row?.effective, lang)}</strong>
      </p>
      {row?.own && row.own.period !== period && (
        <p className="muted">
          {t('scorecardEntry.targets.ownOther', {
            value: formatValue(indicator, row.own.target, lang),
            period: periodLabel(row.own.period),
          })}
        </p>
      )}
      <form className="stack" onSubmit={(e) => void save(e)} noValidate>
        {errors.summary()}
        <label>
          {t('scorecardEntry.targets.own')}
          {percent
            ? ' (%)'
            : indicator.unitVi
              ? ` (${lang.startsWith('en') ? indicator.unitEn : indicator.unitVi})`
              : ''}
          <input
            name="target"
            type="number"
            inputMode="decimal"
            step="any"
            min={0}
            max={percent ? 100 : undefined}
            defaultValue={own ? toShown(indicator.measure, own.target) : ''}
            {...errors.props('target')}
          />
          {errors.message('target')}
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
          {own && (
            <button type="button" onClick={() => void remove(own.id)}>
              {t('scorecardEntry.targets.remove')}
            </button>
          )}
        </div>
      </form>
      <NoticeLine notice={notice} />
    </li>
  );
}
