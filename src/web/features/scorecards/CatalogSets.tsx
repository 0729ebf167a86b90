import { type FormEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScoringRule } from '../../../shared/scorecards.js';
import { api } from '../../lib/api.js';
import { formatNumber } from '../../lib/format.js';
import { useFormErrors } from '../../lib/form-errors.js';
import { CatalogFormEnd, useReachesEveryProvince } from './CatalogIndicators.js';
import { type Catalog, nameOf, type ScoredSet, type SetItem } from './catalog-api.js';

/** The province's scored sets: each with its pillars and points; its own are edited here, shipped ones switched. */
export function CatalogSets({ catalog }: { catalog: Catalog }) {
  const { t, i18n } = useTranslation();
  const everyProvince = useReachesEveryProvince();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  return (
    <section data-testid="scorecard-sets">
      <h2>{t('scorecardEntry.sets.title')}</h2>
      <ul className="cards">
        {catalog.sets.map((s) => (
          <li key={s.id} className="card" data-testid={`set-${s.code}`}>
            <strong>{nameOf(s, i18n.language)}</strong>{' '}
            {!s.active && <span className="badge">{t('scorecardEntry.admin.off')}</span>}
            <div className="muted">
              {s.code} · {t('scorecardEntry.sets.maxTotal', { points: formatNumber(s.maxTotal, i18n.language) })}
              {s.basis && ` · ${s.basis}`}
            </div>
            {editing === s.id ? (
              <SetEditor catalog={catalog} set={s} onDone={() => setEditing(null)} />
            ) : (
              (s.own || everyProvince) && (
                <button type="button" onClick={() => setEditing(s.id)}>
                  {t('common.edit')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <SetEditor catalog={catalog} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')} data-testid="set-add">
          {t('scorecardEntry.sets.add')}
        </button>
      )}
    </section>
  );
}

/** An item being edited, with a key of its own (items have no id until saved, and their order changes). */
type Draft = Omit<SetItem, 'position'> & { key: number };
let nextKey = 0;

/**
 * A set's items as a list the person edits in place: pillar, indicator, points, rule (RATIO: value × points; STEPS:
 * the first step whose minimum the value reaches). A shipped set only switches on or off.
 */
function SetEditor({ catalog, set, onDone }: { catalog: Catalog; set?: ScoredSet; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const errors = useFormErrors();
  const editable = !set || set.own;
  const indicators = catalog.indicators.filter((i) => i.active);
  const [items, setItems] = useState<Draft[]>(
    () => set?.items.map(({ position: _, ...i }) => ({ ...i, key: nextKey++ })) ?? [],
  );
  const change = (index: number, patch: Partial<Draft>) =>
    setItems((all) => all.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const setRule = (index: number, rule: ScoringRule) => change(index, { rule });

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const text = (k: string) => String(d.get(k) ?? '').trim();
    const active = d.get('active') === 'on';
    if (
      editable &&
      !errors.check({
        ...(set ? {} : { code: { value: text('code'), required: true } }),
        nameVi: { value: text('nameVi'), required: true },
        nameEn: { value: text('nameEn'), required: true },
      })
    )
      return;
    const body = editable
      ? {
          nameVi: text('nameVi'),
          nameEn: text('nameEn'),
          basis: text('basis'),
          // The order on screen is the order kept; ids are the server's to give (items are replaced as a whole).
          items: items.map(({ key: _k, id: _i, ...item }) => item),
        }
      : {};
    try {
      if (set)
        await api(`/api/scorecards/sets/${set.id}`, { method: 'PUT', body: { ...body, active, version: set.version } });
      else
        await api('/api/scorecards/sets', {
          method: 'POST',
          body: { province: catalog.province.id, code: text('code').toUpperCase(), ...body },
        });
      await client.invalidateQueries({ queryKey: ['scorecard-catalog'] });
      onDone();
    } catch (e) {
      errors.fromError(e, ['code', 'nameVi', 'nameEn', 'basis', 'items']);
    }
  }

  const total = items.reduce((sum, i) => sum + (Number(i.maxPoints) || 0), 0);
  return (
    <form className="stack" onSubmit={(e) => void save(e)} noValidate data-testid="set-editor">
      {errors.summary()}
      {!set && (
        <label>
          {t('scorecardEntry.admin.field.code')}
          <input name="code" maxLength={40} {...errors.props('code')} />
          {errors.message('code')}
        </label>
      )}
      {editable && (
        <>
          {(['nameVi', 'nameEn', 'basis'] as const).map((k) => (
            <label key={k}>
              {t(`scorecardEntry.sets.${k}`)}
              <input name={k} defaultValue={set?.[k] ?? ''} maxLength={300} {...errors.props(k)} />
              {errors.message(k)}
            </label>
          ))}
          <p>{t('scorecardEntry.sets.maxTotal', { points: formatNumber(total, i18n.language) })}</p>
          <ol className="cards">
            {items.map((item, index) => (
              <li key={item.key} className="card" data-testid="set-item">
                <label>
                  {t('scorecardEntry.sets.pillarVi')}
                  <input value={item.pillarVi} onChange={(e) => change(index, { pillarVi: e.target.value })} />
                </label>
                <label>
                  {t('scorecardEntry.sets.pillarEn')}
                  <input value={item.pillarEn} onChange={(e) => change(index, { pillarEn: e.target.value })} />
                </label>
                <label>
                  {t('scorecardEntry.sets.indicator')}
                  <select
                    value={item.indicatorId}
                    onChange={(e) => change(index, { indicatorId: Number(e.target.value) })}
                  >
                    {indicators.map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.code} — {nameOf(i, i18n.language)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('scorecardEntry.sets.maxPoints')}
                  <input
                    type="number"
                    min={0}
                    step="any"
                    value={item.maxPoints}
                    onChange={(e) => change(index, { maxPoints: Number(e.target.value) })}
                  />
                </label>
                <label>
                  {t('scorecardEntry.sets.rule')}
                  <select
                    value={item.rule.kind}
                    onChange={(e) =>
                      setRule(
                        index,
                        e.target.value === 'RATIO'
                          ? { kind: 'RATIO' }
                          : { kind: 'STEPS', steps: [{ min: 1, points: item.maxPoints }] },
                      )
                    }
                  >
                    <option value="RATIO">{t('scorecardEntry.sets.ratio')}</option>
                    <option value="STEPS">{t('scorecardEntry.sets.steps')}</option>
                  </select>
                </label>
                {item.rule.kind === 'STEPS' && <StepsEditor rule={item.rule} onChange={(r) => setRule(index, r)} />}
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={item.evidenceRequired}
                    onChange={(e) => change(index, { evidenceRequired: e.target.checked })}
                  />{' '}
                  {t('scorecardEntry.sets.evidenceRequired')}
                </label>
                <button type="button" onClick={() => setItems((all) => all.filter((_, i) => i !== index))}>
                  {t('scorecardEntry.sets.removeItem')}
                </button>
              </li>
            ))}
          </ol>
          {errors.message('items')}
          <button
            type="button"
            disabled={indicators.length === 0}
            onClick={() =>
              setItems((all) => [
                ...all,
                {
                  key: nextKey++,
                  pillarVi: all.at(-1)?.pillarVi ?? '',
                  pillarEn: all.at(-1)?.pillarEn ?? '',
                  indicatorId: indicators[0]!.id,
                  maxPoints: 50,
                  rule: { kind: 'RATIO' },
                  evidenceRequired: false,
                },
              ])
            }
          >
            {t('scorecardEntry.sets.addItem')}
          </button>
        </>
      )}
      <CatalogFormEnd active={set?.active} onDone={onDone} />
    </form>
  );
}

/** Steps from the highest minimum down: "from 2 → 50 points, from 1 → 30". */
function StepsEditor({
  rule,
  onChange,
}: {
  rule: Extract<ScoringRule, { kind: 'STEPS' }>;
  onChange: (rule: ScoringRule) => void;
}) {
  const { t } = useTranslation();
  const set = (steps: { min: number; points: number }[]) => onChange({ kind: 'STEPS', steps });
  return (
    <fieldset>
      <legend>{t('scorecardEntry.sets.steps')}</legend>
      {rule.steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity; keyed by value, an input would lose focus as it is typed in
        <div key={i} className="actions">
          <label>
            {t('scorecardEntry.sets.stepMin')}
            <input
              type="number"
              step="any"
              value={s.min}
              onChange={(e) => set(rule.steps.map((x, j) => (j === i ? { ...x, min: Number(e.target.value) } : x)))}
            />
          </label>
          <label>
            {t('scorecardEntry.sets.stepPoints')}
            <input
              type="number"
              step="any"
              min={0}
              value={s.points}
              onChange={(e) => set(rule.steps.map((x, j) => (j === i ? { ...x, points: Number(e.target.value) } : x)))}
            />
          </label>
          <button type="button" onClick={() => set(rule.steps.filter((_, j) => j !== i))}>
            {t('scorecardEntry.sets.removeStep')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => set([...rule.steps, { min: 0, points: 0 }])}>
        {t('scorecardEntry.sets.addStep')}
      </button>
    </fieldset>
  );
}
