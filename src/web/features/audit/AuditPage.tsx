import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { ExportLinks } from '../../components/ExportLinks.js';
import { Pager } from '../../components/Pager.js';
import { QueryState } from '../../components/Status.js';
import { queryString } from '../residents/api.js';

type Entry = {
  id: number;
  at: string;
  username: string | null;
  roles: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
};

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState({ action: '', from: '', to: '', page: 1 });
  const query = useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api<{ items: Entry[]; hasMore: boolean }>(`/api/audit?${queryString({ ...filter, limit: 50 })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <div className="filters">
        <label>
          {t('audit.filterAction')}
          <input value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value, page: 1 })} />
        </label>
        <label>
          {t('audit.dateFrom')}
          <input
            type="date"
            value={filter.from}
            onChange={(e) => setFilter({ ...filter, from: e.target.value, page: 1 })}
          />
        </label>
        <label>
          {t('audit.dateTo')}
          <input
            type="date"
            value={filter.to}
            onChange={(e) => setFilter({ ...filter, to: e.target.value, page: 1 })}
          />
        </label>
      </div>
      <ExportLinks
        path="/api/audit/export"
        query={queryString({ action: filter.action, from: filter.from, to: filter.to })}
      />
      <QueryState isLoading={query.isLoading} error={query.error} />
      <div className="scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('audit.at')}</th>
              <th>{t('audit.who')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.entity')}</th>
              <th>{t('audit.from')}</th>
            </tr>
          </thead>
          <tbody>
            {query.data?.items.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>
                  {e.username ?? '—'}
                  <div className="muted">{e.roles}</div>
                </td>
                <td>{e.action}</td>
                <td>{e.entityType ? `${e.entityType} #${e.entityId}` : ''}</td>
                <td>{e.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {query.data && (
        <Pager page={filter.page} hasMore={query.data.hasMore} onPage={(page) => setFilter({ ...filter, page })} />
      )}
    </section>
  );
}
