import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { Pager } from '../../components/Pager.js';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useMe } from '../auth/useMe.js';
import { useProcedures } from '../procedures/api.js';
import { useDossiers, useOfficers, type QueueFilter } from './api.js';

export const queues = [
  'to_receive',
  'mine',
  'due_soon',
  'overdue',
  'supplement',
  'to_approve',
  'to_return',
  'all',
  'closed',
] as const;

/** The officer's work queues, with search and bulk assignment. */
export function DossierQueue({
  filter,
  onChange,
}: {
  filter: QueueFilter;
  onChange: (changes: Partial<QueueFilter>) => void;
}) {
  const { t } = useTranslation();
  const query = useDossiers(filter);
  const procedures = useProcedures({});
  const client = useQueryClient();
  const me = useMe().data;
  const [selected, setSelected] = useState<number[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<number | undefined>();
  const items = query.data?.items ?? [];
  const officers = useOfficers(items.find((d) => selected.includes(d.id))?.unitId);

  async function assignSelected() {
    if (!me) return;
    try {
      const result = await api<{ assigned: string[]; refused: { id: number; detail: string }[] }>(
        '/api/dossiers/assign',
        { method: 'POST', body: { ids: selected, assigneeId: assignee ?? me.user.id } },
      );
      setMessage(
        [
          t('dossiers.desk.assignedCount', { count: result.assigned.length }),
          result.refused.length ? t('dossiers.desk.refusedCount', { count: result.refused.length }) : '',
        ]
          .filter(Boolean)
          .join(' · '),
      );
      setSelected([]);
      await client.invalidateQueries({ queryKey: ['dossiers'] });
    } catch (e) {
      setMessage(messageOf(e));
    }
  }

  return (
    <section>
      <h1>{t('dossiers.desk.title')}</h1>
      <nav className="tabs" aria-label={t('dossiers.desk.title')}>
        {queues.map((q) => (
          <button
            key={q}
            type="button"
            aria-pressed={filter.queue === q}
            onClick={() => onChange({ queue: q, page: 1 })}
          >
            {t(`dossiers.queue.${q}`)}
          </button>
        ))}
      </nav>
      <form
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          onChange({ q: String(d.get('q') ?? ''), procedure: String(d.get('procedure') ?? ''), page: 1 });
        }}
      >
        <input
          name="q"
          type="search"
          defaultValue={filter.q}
          placeholder={t('dossiers.desk.searchHint')}
          aria-label={t('dossiers.desk.searchHint')}
        />
        <select name="procedure" defaultValue={filter.procedure ?? ''} aria-label={t('dossiers.desk.procedure')}>
          <option value="">
            {t('dossiers.desk.procedure')}: {t('common.all')}
          </option>
          {procedures.data?.items.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} · {p.nameVi}
            </option>
          ))}
        </select>
        <button type="submit">{t('common.search')}</button>
      </form>
      {filter.indicator && (
        <p className="notice" data-testid="indicator-filter">
          {t('dossiers.desk.underIndicator', {
            indicator: t(`indicators.count.${filter.indicator}`, { defaultValue: filter.indicator }),
            from: formatDate(filter.from),
            to: formatDate(filter.to),
          })}
          {query.data?.total !== undefined && (
            <>
              {' · '}
              <strong>{t('dossiers.desk.totalCount', { count: query.data.total })}</strong>
            </>
          )}{' '}
          <button
            type="button"
            className="link"
            onClick={() => onChange({ indicator: undefined, from: undefined, to: undefined, unit: undefined, page: 1 })}
          >
            {t('dossiers.desk.clearIndicator')}
          </button>
        </p>
      )}
      <QueryState isLoading={query.isLoading} error={query.error} />
      {query.data && items.length === 0 && <p className="muted">{t('dossiers.desk.none')}</p>}
      {selected.length > 0 && (
        <p className="actions">
          <select
            value={assignee ?? me?.user.id}
            onChange={(e) => setAssignee(Number(e.target.value))}
            aria-label={t('dossiers.desk.assignTo')}
          >
            {(officers.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.id === me?.user.id ? `${o.fullName} (${t('dossiers.desk.me')})` : o.fullName}
              </option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => void assignSelected()}>
            {t('dossiers.desk.bulkAssign')}
          </button>
        </p>
      )}
      {message && (
        <p className="ok" role="status">
          {message}
        </p>
      )}
      <ul className="cards" data-testid="dossier-results">
        {items.map((d) => (
          <li key={d.id} className="card">
            <label className="inline">
              <input
                type="checkbox"
                checked={selected.includes(d.id)}
                onChange={(e) => setSelected((s) => (e.target.checked ? [...s, d.id] : s.filter((x) => x !== d.id)))}
              />
              <span className="visually-hidden">{d.code}</span>
            </label>
            <Link href={`/dossiers/${d.id}`}>
              <strong>{d.code}</strong>
            </Link>
            <div>{d.procedureName}</div>
            <div className="muted">
              {d.applicantName} · {t(`dossiers.channel.${d.channel}`)} ·{' '}
              <span className={`badge status-${d.status}`}>{t(`dossiers.status.${d.status}`)}</span>
              {d.overdue && <span className="badge late"> {t('dossiers.track.overdue')}</span>}
            </div>
            {d.dueAt && (
              <div className="muted">
                {t('dossiers.desk.due')}: {formatDateTime(d.extendedDueAt ?? d.dueAt)}
                {d.assigneeName ? ` · ${t('dossiers.desk.assignee')}: ${d.assigneeName}` : ''}
              </div>
            )}
          </li>
        ))}
      </ul>
      {query.data && <Pager page={filter.page} hasMore={query.data.hasMore} onPage={(page) => onChange({ page })} />}
    </section>
  );
}
