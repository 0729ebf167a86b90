import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../units/UnitPicker.js';
import { countFilters, type RegistryFilter } from './api.js';

const wide = () => typeof window !== 'undefined' && window.matchMedia?.('(min-width: 768px)').matches;

/**
 * The filters of a registry list (residents or households) in a panel that folds away on a phone. Edits stay in the
 * panel until "Lọc", so a half-typed age range never reloads the list; the page puts the result in the URL.
 */
export function RegistryFilters({
  value,
  onApply,
}: {
  value: RegistryFilter;
  onApply: (filter: RegistryFilter) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [tags, setTags] = useState(value.tags.join(', '));
  const key = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised filter is the dependency (a new object each render)
  useEffect(() => {
    setDraft(value);
    setTags(value.tags.join(', '));
  }, [key]);
  const [open] = useState(wide);
  const panel = useRef<HTMLDetailsElement>(null);
  // On a phone the panel folds once applied, so the list it asked for is what the screen shows.
  const done = (filter: RegistryFilter) => {
    if (panel.current && !wide()) panel.current.open = false;
    onApply(filter);
  };
  const set = <K extends keyof RegistryFilter>(k: K, v: RegistryFilter[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const text = (v: string) => v || undefined;
  const age = (v: string) => (/^\d{1,3}$/.test(v) ? Number(v) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    done({ ...draft, tags: list });
  };
  const active = countFilters(value);
  return (
    <details className="list-filters" open={open} ref={panel}>
      <summary>
        {t('residents.filters.title')}
        {active > 0 && <span className="badge">{active}</span>}
      </summary>
      <form onSubmit={submit} aria-label={t('residents.filters.title')}>
        <div className="field">
          <span className="label">{t('residents.unit')}</span>
          <UnitPicker value={draft.unit} onChange={(unit) => set('unit', unit)} />
        </div>
        <fieldset className="field">
          <legend>{t('residents.filters.age')}</legend>
          <div className="pair">
            <label>
              {t('residents.filters.ageFrom')}
              <input
                name="ageFrom"
                type="number"
                inputMode="numeric"
                min={0}
                max={150}
                value={draft.ageFrom ?? ''}
                onChange={(e) => set('ageFrom', age(e.target.value))}
              />
            </label>
            <label>
              {t('residents.filters.ageTo')}
              <input
                name="ageTo"
                type="number"
                inputMode="numeric"
                min={0}
                max={150}
                value={draft.ageTo ?? ''}
                onChange={(e) => set('ageTo', age(e.target.value))}
              />
            </label>
          </div>
          <p className="muted">{t('residents.filters.ageNote')}</p>
        </fieldset>
        <label>
          {t('residents.gender')}
          <select name="gender" value={draft.gender ?? ''} onChange={(e) => set('gender', text(e.target.value))}>
            <option value="">{t('residents.filters.any')}</option>
            <option value="MALE">{t('gender.MALE')}</option>
            <option value="FEMALE">{t('gender.FEMALE')}</option>
          </select>
        </label>
        <label>
          {t('vneid.label')}
          <select
            name="vneidLevel"
            value={draft.vneidLevel ?? ''}
            onChange={(e) => set('vneidLevel', text(e.target.value))}
          >
            <option value="">{t('residents.filters.any')}</option>
            {(['NONE', 'L1', 'L2'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`vneid.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('residents.smartphone')}
          <select
            name="smartphone"
            value={draft.smartphone ?? ''}
            onChange={(e) => set('smartphone', text(e.target.value))}
          >
            <option value="">{t('residents.filters.any')}</option>
            {(['yes', 'no', 'unknown'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`residents.filters.smartphone.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('residents.tags')}
          <input
            name="tags"
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            placeholder={t('residents.filters.tagsHint')}
          />
        </label>
        <label>
          {t('residents.filters.kind')}
          <select name="kind" value={draft.kind ?? ''} onChange={(e) => set('kind', text(e.target.value))}>
            <option value="">{t('residents.filters.any')}</option>
            {(['FAMILY', 'BOARDING_HOUSE', 'COLLECTIVE'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`householdKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('residents.filters.movedInSince')}
          <input
            name="movedInSince"
            type="date"
            value={draft.movedInSince ?? ''}
            onChange={(e) => set('movedInSince', text(e.target.value))}
          />
        </label>
        <p className="actions">
          <button type="submit" className="primary">
            {t('residents.filters.apply')}
          </button>
          <button type="button" onClick={() => done({ q: value.q, tags: [] })}>
            {t('residents.filters.clear')}
          </button>
        </p>
      </form>
    </details>
  );
}
