import { type FormEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { computedSources, directions, indicatorLevels, measures } from '../../../shared/scorecards.js';
import { QueryState } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatPercent } from '../../lib/format.js';
import { useFormErrors } from '../../lib/form-errors.js';
import { useMe } from '../auth/useMe.js';
import { type Catalog, type Indicator, nameOf, useSettings } from './catalog-api.js';

/**
 * Shipped indicators and sets are shared by every province, so only someone whose reach covers them all (the system
 * administrator) may switch them or change their margin; the server refuses anyone else, so the button is not shown.
 */
export const useReachesEveryProvince = () => !!useMe().data?.roles.some((r) => r.role === 'SYSTEM_ADMIN');

const useCatalogChanged = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['scorecard-catalog'] });
};

/** A margin typed as a percentage (10) travels as a share (0.1); empty means "the province's". */
const marginOf = (raw: string) => (raw.trim() === '' ? null : Number(raw) / 100);

/** The province's near margin: how close to a target counts as amber. */
export function CatalogMargin({ province }: { province: number }) {
  const { t } = useTranslation();
  const settings = useSettings(province);
  const client = useQueryClient();
  const errors = useFormErrors();
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const raw = String(new FormData(event.currentTarget).get('nearMargin') ?? '');
    if (!errors.check({ nearMargin: { value: raw, required: true } })) return;
    try {
      await api('/api/scorecards/settings', {
        method: 'PUT',
        body: { province, nearMargin: marginOf(raw), version: settings.data?.version },
      });
      await client.invalidateQueries({ queryKey: ['scorecard-settings'] });
      await client.invalidateQueries({ queryKey: ['scorecard-catalog'] });
      setSaved(true);
    } catch (e) {
      errors.fromError(e, ['nearMargin']);
    }
  }

  return (
    <section data-testid="scorecard-margin">
      <h2>{t('scorecardEntry.admin.margin')}</h2>
      <QueryState isLoading={settings.isLoading} error={settings.error} />
      {settings.data && (
        <form className="stack" onSubmit={(e) => void save(e)} noValidate>
          {errors.summary()}
          <label>
            {t('scorecardEntry.admin.marginLabel')}
            <input
              name="nearMargin"
              type="number"
              min={0}
              max={50}
              step="any"
              defaultValue={Math.round(settings.data.nearMargin * 1000) / 10}
              {...errors.props('nearMargin')}
            />
            {errors.message('nearMargin')}
          </label>
          <button type="submit" className="primary">
            {t('common.save')}
          </button>
          {saved && <p className="ok">{t('common.saved')}</p>}
        </form>
      )}
    </section>
  );
}

/**
 * The province's catalog: the shipped indicators (only switched on or off, and their own margin) and its own (computed
 * from Ketnoi's data: a province picks which computation and words it). A new one is added below.
 */
export function CatalogIndicators({ catalog }: { catalog: Catalog }) {
  const { t, i18n } = useTranslation();
  const everyProvince = useReachesEveryProvince();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  return (
    <section data-testid="scorecard-catalog">
      <h2>{t('scorecardEntry.admin.catalog')}</h2>
      <ul className="cards">
        {catalog.indicators.map((i) => (
          <li key={i.id} className="card" data-testid={`catalog-${i.code}`}>
            <strong>{nameOf(i, i18n.language)}</strong>{' '}
            {!i.active && <span className="badge">{t('scorecardEntry.admin.off')}</span>}{' '}
            {i.own && <span className="badge">{t('scorecardEntry.admin.own')}</span>}
            <div className="muted">
              {i.code} · {t(`scorecardEntry.kind.${i.kind}`)} · {t(`scorecardEntry.measure.${i.measure}`)}
              {i.nearMargin !== null &&
                ` · ${t('scorecardEntry.admin.ownMargin', { value: formatPercent(i.nearMargin, i18n.language) })}`}
            </div>
            {editing === i.id ? (
              <IndicatorForm province={catalog.province.id} indicator={i} onDone={() => setEditing(null)} />
            ) : (
              (i.own || everyProvince) && (
                <button type="button" onClick={() => setEditing(i.id)}>
                  {t('common.edit')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <IndicatorForm province={catalog.province.id} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')} data-testid="catalog-add">
          {t('scorecardEntry.admin.addIndicator')}
        </button>
      )}
    </section>
  );
}

/** A shipped indicator: on/off and margin. A province's own: its words and rules too (not its code or kind). */
function IndicatorForm({
  province,
  indicator,
  onDone,
}: {
  province: number;
  indicator?: Indicator;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const changed = useCatalogChanged();
  const errors = useFormErrors();
  const full = !indicator || indicator.own;
  const known = [
    'code',
    'nameVi',
    'nameEn',
    'formulaVi',
    'formulaEn',
    'unitVi',
    'unitEn',
    'source',
    'levels',
    'nearMargin',
  ];

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const text = (k: string) => String(d.get(k) ?? '').trim();
    const nearMargin = marginOf(text('nearMargin'));
    const words = full
      ? {
          nameVi: text('nameVi'),
          nameEn: text('nameEn'),
          formulaVi: text('formulaVi'),
          formulaEn: text('formulaEn'),
          unitVi: text('unitVi'),
          unitEn: text('unitEn'),
          measure: text('measure'),
          source: text('source'),
          levels: d.getAll('levels').map(String),
          direction: text('direction'),
          periodKind: 'MONTH',
        }
      : {};
    if (
      full &&
      !errors.check({
        ...(indicator ? {} : { code: { value: text('code'), required: true } }),
        nameVi: { value: text('nameVi'), required: true },
        nameEn: { value: text('nameEn'), required: true },
      })
    )
      return;
    try {
      if (indicator)
        await api(`/api/scorecards/indicators/${indicator.id}`, {
          method: 'PATCH',
          body: { ...words, active: d.get('active') === 'on', nearMargin, version: indicator.version },
        });
      else
        await api('/api/scorecards/indicators', {
          method: 'POST',
          body: { province, code: text('code').toUpperCase(), kind: 'COMPUTED', ...words, nearMargin },
        });
      await changed();
      onDone();
    } catch (e) {
      errors.fromError(e, known);
    }
  }

  const field = (name: string, value: string | undefined, required = false) => (
    <label key={name}>
      {t(`scorecardEntry.admin.field.${name}`)}
      <input name={name} defaultValue={value ?? ''} required={required} maxLength={300} {...errors.props(name)} />
      {errors.message(name)}
    </label>
  );

  return (
    <form className="stack" onSubmit={(e) => void save(e)} noValidate data-testid="indicator-form">
      {errors.summary()}
      {!indicator && field('code', '', true)}
      {full && (
        <>
          {field('nameVi', indicator?.nameVi, true)}
          {field('nameEn', indicator?.nameEn, true)}
          {field('formulaVi', indicator?.formulaVi)}
          {field('formulaEn', indicator?.formulaEn)}
          <label>
            {t('scorecardEntry.admin.field.source')}
            <select name="source" defaultValue={indicator?.source ?? computedSources[0]}>
              {computedSources.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('scorecardEntry.admin.field.measure')}
            <select name="measure" defaultValue={indicator?.measure ?? 'PERCENT'}>
              {measures.map((m) => (
                <option key={m} value={m}>
                  {t(`scorecardEntry.measure.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {field('unitVi', indicator?.unitVi)}
          {field('unitEn', indicator?.unitEn)}
          <label>
            {t('scorecardEntry.admin.field.direction')}
            <select name="direction" defaultValue={indicator?.direction ?? 'HIGHER'}>
              {directions.map((d) => (
                <option key={d} value={d}>
                  {t(`scorecardEntry.direction.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('scorecardEntry.admin.field.levels')}</legend>
            {indicatorLevels.map((l) => (
              <label key={l} className="inline">
                <input
                  type="checkbox"
                  name="levels"
                  value={l}
                  defaultChecked={indicator ? indicator.levels.includes(l) : l !== 'COMMUNITY'}
                />{' '}
                {t(`scorecardEntry.level.${l}`)}
              </label>
            ))}
            {errors.message('levels')}
          </fieldset>
        </>
      )}
      <label>
        {t('scorecardEntry.admin.field.nearMargin')}
        <input
          name="nearMargin"
          type="number"
          min={0}
          max={50}
          step="any"
          defaultValue={typeof indicator?.nearMargin === 'number' ? Math.round(indicator.nearMargin * 1000) / 10 : ''}
          {...errors.props('nearMargin')}
        />
        {errors.message('nearMargin')}
      </label>
      <CatalogFormEnd active={indicator?.active} onDone={onDone} />
    </form>
  );
}

/**
 * The foot of the catalog's edit forms (an indicator, a set): the "in use" box when editing an existing row, then
 * save and cancel. The form reads `active` from the checkbox by its name.
 */
export function CatalogFormEnd({ active, onDone }: { active: boolean | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {active !== undefined && (
        <label className="inline">
          <input type="checkbox" name="active" defaultChecked={active} /> {t('scorecardEntry.admin.active')}
        </label>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
