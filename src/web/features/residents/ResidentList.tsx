import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { ExportLinks } from '../../components/ExportLinks.js';
import { Pager } from '../../components/Pager.js';
import { QueryState } from '../../components/Status.js';
import { ageOf, formatBirthDate } from '../../lib/format.js';
import { filterParams, useResidents, type ResidentFilter } from './api.js';

/** Search results: one card per person on a phone, a table row on a desktop. */
export function ResidentList({
  filter,
  onPage,
  exportable,
}: {
  filter: ResidentFilter;
  onPage: (page: number) => void;
  exportable: boolean;
}) {
  const { t } = useTranslation();
  const query = useResidents(filter);
  return (
    <div>
      <QueryState isLoading={query.isLoading} error={query.error} />
      {exportable && (
        <ExportLinks path="/api/exports/residents" query={filterParams({ ...filter, page: undefined }).toString()} />
      )}
      {query.data && query.data.items.length === 0 && <p className="muted">{t('common.none')}</p>}
      <ul className="cards" data-testid="resident-results">
        {query.data?.items.map((r) => (
          <li key={r.id}>
            <Link href={`/residents/${r.id}`} className="card link">
              <strong>{r.fullName}</strong>
              <span>
                {t(`gender.${r.gender}`)} · {formatBirthDate(r.birthDate)} ({ageOf(r.birthDate)})
              </span>
              <span className="muted">
                {r.address ?? '—'} · {r.unitName}
              </span>
              <span className="muted">
                {r.personalIdMasked ?? ''} {r.phoneMasked ? `· ☎ ${r.phoneMasked}` : ''} · VNeID{' '}
                {t(`vneid.${r.vneidLevel}`)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {query.data && <Pager page={filter.page} hasMore={query.data.hasMore} onPage={onPage} />}
    </div>
  );
}
