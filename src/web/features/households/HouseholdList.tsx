import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { ExportLinks } from '../../components/ExportLinks.js';
import { Pager } from '../../components/Pager.js';
import { QueryState } from '../../components/Status.js';
import { filterParams } from '../residents/api.js';
import { useHouseholds, type HouseholdFilter } from './api.js';

export function HouseholdList({
  filter,
  onPage,
  exportable,
}: {
  filter: HouseholdFilter;
  onPage: (page: number) => void;
  exportable: boolean;
}) {
  const { t } = useTranslation();
  const query = useHouseholds(filter);
  return (
    <div>
      <QueryState isLoading={query.isLoading} error={query.error} />
      {exportable && (
        <ExportLinks path="/api/exports/households" query={filterParams({ ...filter, page: undefined }).toString()} />
      )}
      {query.data && query.data.items.length === 0 && <p className="muted">{t('common.none')}</p>}
      <ul className="cards" data-testid="household-results">
        {query.data?.items.map((h) => (
          <li key={h.id}>
            <Link href={`/households/${h.id}`} className="card link">
              <strong>{h.address}</strong>
              <span>
                {h.headName ? `${t('households.head')}: ${h.headName}` : t('households.noHead')} ·{' '}
                {t('households.memberCount', { count: h.memberCount })}
              </span>
              <span className="muted">
                {t(`householdKind.${h.kind}`)} · {h.unitName}
                {h.code ? ` · ${t('households.code')} ${h.code}` : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {query.data && <Pager page={filter.page} hasMore={query.data.hasMore} onPage={onPage} />}
    </div>
  );
}
