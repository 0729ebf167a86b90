import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../components/SearchBox.js';
import { can, useMe } from '../features/auth/useMe.js';
import { HouseholdList } from '../features/households/HouseholdList.js';
import { NewHousehold } from '../features/households/NewHousehold.js';
import { ResidentList } from '../features/residents/ResidentList.js';
import { RegistryFilters } from '../features/residents/RegistryFilters.js';
import { filterFromParams, filterKeys, filterParams, type RegistryFilter } from '../features/residents/api.js';
import { UnitPanel } from '../features/units/UnitPanel.js';
import { UnitTree } from '../features/units/UnitTree.js';
import type { Unit } from '../features/units/api.js';

/** URL ⇄ filter state: the router lives here, features only take props (STYLE.md §7). */
function useParams() {
  const search = new URLSearchParams(useSearch());
  const [location, navigate] = useLocation();
  const q = search.get('q') ?? '';
  const unit = search.get('unit') ? Number(search.get('unit')) : undefined;
  const page = Math.max(1, Number(search.get('page') ?? 1));
  const go = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    navigate(`${location}?${next.toString()}`);
  };
  return { q, unit, page, search, go, location, navigate };
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [, navigate] = useLocation();
  return (
    <section>
      <h1>{t('home.greeting', { name: me?.user.fullName })}</h1>
      <SearchBox onSearch={(q) => navigate(`/search?q=${encodeURIComponent(q)}`)} />
      <p className="muted">{t('home.searchHint')}</p>
      <h2>{t('home.yourUnits')}</h2>
      <UnitTree onSelect={(u) => navigate(`/residents?unit=${u.id}`)} />
    </section>
  );
}

export function SearchPage() {
  const { t } = useTranslation();
  const { q, page, go } = useParams();
  const me = useMe().data;
  return (
    <section>
      <SearchBox initial={q} onSearch={(value) => go({ q: value, page: undefined })} />
      <h2>{t('residents.title')}</h2>
      <ResidentList filter={{ q, page, tags: [] }} onPage={(p) => go({ page: p })} exportable={false} />
      {can(me, 'household.read') && (
        <>
          <h2>{t('households.title')}</h2>
          <HouseholdList filter={{ q, page: 1, tags: [] }} onPage={() => undefined} exportable={false} />
        </>
      )}
    </section>
  );
}

/** A registry list's filter from the URL, and a way to replace it there (a list can be bookmarked and shared). */
function useRegistryFilter() {
  const params = useParams();
  const filter = filterFromParams(params.search);
  const apply = (next: RegistryFilter) => {
    const kept = new URLSearchParams(params.search);
    for (const k of [...filterKeys, 'page']) kept.delete(k);
    for (const [k, v] of filterParams(next)) kept.append(k, v);
    params.navigate(`${params.location}?${kept.toString()}`);
  };
  return { ...params, filter, apply };
}

export function ResidentsPage() {
  const { t } = useTranslation();
  const { filter, apply, page, search, go } = useRegistryFilter();
  const me = useMe().data;
  const includeFormer = search.get('includeFormer') === 'true';
  return (
    <section>
      <h1>{t('residents.title')}</h1>
      <SearchBox initial={filter.q} onSearch={(value) => apply({ ...filter, q: value })} />
      <RegistryFilters value={filter} onApply={apply} />
      <label className="inline">
        <input
          type="checkbox"
          checked={includeFormer}
          onChange={(e) => go({ includeFormer: e.target.checked ? 'true' : undefined, page: undefined })}
        />{' '}
        {t('residents.includeFormer')}
      </label>
      <ResidentList
        filter={{ ...filter, page, includeFormer }}
        onPage={(p) => go({ page: p })}
        exportable={can(me, 'registry.export')}
      />
    </section>
  );
}

export function HouseholdsPage() {
  const { t } = useTranslation();
  const { filter, apply, page, go } = useRegistryFilter();
  const me = useMe().data;
  return (
    <section>
      <h1>{t('households.title')}</h1>
      {can(me, 'household.write') && (
        <p className="actions">
          <Link href="/households/new">{t('households.add.title')}</Link>
        </p>
      )}
      <SearchBox initial={filter.q} onSearch={(value) => apply({ ...filter, q: value })} />
      <RegistryFilters value={filter} onApply={apply} />
      <HouseholdList
        filter={{ ...filter, page }}
        onPage={(p) => go({ page: p })}
        exportable={can(me, 'registry.export')}
      />
    </section>
  );
}

export function UnitsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [unit, setUnit] = useState<Unit | null>(null);
  return (
    <section>
      <h1>{t('units.title')}</h1>
      <UnitTree onSelect={setUnit} selected={unit?.id} />
      {unit && (
        <>
          <p className="actions">
            <Link href={`/households?unit=${unit.id}`}>{t('units.households')}</Link>
            <Link href={`/residents?unit=${unit.id}`}>{t('units.residents')}</Link>
            {can(me, 'household.write') && <Link href="/households/new">{t('households.add.title')}</Link>}
          </p>
          {can(me, 'unit.manage') && <UnitPanel key={unit.id} unit={unit} onChanged={setUnit} />}
        </>
      )}
    </section>
  );
}

/** A new household, then its page, where its people are added one by one. */
export function NewHouseholdPage() {
  const [, navigate] = useLocation();
  return <NewHousehold onCreated={(id) => navigate(`/households/${id}`)} onCancel={() => navigate('/households')} />;
}
