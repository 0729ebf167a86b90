import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { ticketChannels, ticketSeverities } from '../../../shared/feedback.js';
import { Pager } from '../../components/Pager.js';
import { QueryState } from '../../components/Status.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { can, useMe } from '../auth/useMe.js';
import {
  categoryLabel,
  feedbackViews,
  PAGE_SIZE,
  useCategories,
  useTickets,
  useViewCount,
  type FeedbackView,
  type TicketFilter,
} from './api.js';
import { useScopeUnits } from './useScopeUnits.js';

/** A tab with the number of tickets behind it under the same filters. */
function ViewTab({
  filter,
  view,
  onChange,
}: {
  filter: TicketFilter;
  view: FeedbackView;
  onChange: (changes: Partial<TicketFilter>) => void;
}) {
  const { t } = useTranslation();
  const count = useViewCount(filter, view);
  return (
    <button
      type="button"
      aria-pressed={filter.view === view}
      data-view={view}
      onClick={() => onChange({ view, page: 1 })}
    >
      {t(`feedbackDesk.view.${view}`)}
      {count.data !== undefined && <span className="count"> ({formatNumber(count.data)})</span>}
    </button>
  );
}

/** The officers' queue of questions and reports: the views as tabs with counts, filters, search and pages. */
export function FeedbackQueue({
  filter,
  onChange,
}: {
  filter: TicketFilter;
  onChange: (changes: Partial<TicketFilter>) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const query = useTickets(filter);
  const { units, communes } = useScopeUnits();
  // Categories are each commune's own: the filter is offered to those who work in one commune.
  const categories = useCategories(communes.length === 1 ? communes[0]?.id : undefined);
  const items = query.data?.items ?? [];
  return (
    <section>
      <h1>{t('feedbackDesk.title')}</h1>
      <p className="actions">
        {me && can(me, 'feedback.process') && (
          <Link href="/feedback/new" className="button">
            {t('feedbackDesk.new.link')}
          </Link>
        )}
        <Link href="/feedback/stats">{t('feedbackStats.nav')}</Link>
        {me && can(me, 'feedback.manage') && <Link href="/admin/feedback">{t('feedbackDesk.settings.title')}</Link>}
      </p>
      <nav className="tabs" aria-label={t('feedbackDesk.title')}>
        {feedbackViews.map((v) => (
          <ViewTab key={v} filter={filter} view={v} onChange={onChange} />
        ))}
      </nav>
      {/* Drawn again once the options arrive, so a bookmarked filter shows as chosen. */}
      <form
        key={`${categories.data?.length ?? 0}-${units.length}`}
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          const get = (k: string) => String(d.get(k) ?? '') || undefined;
          onChange({
            q: get('q'),
            categoryId: get('categoryId'),
            unitId: get('unitId'),
            severity: get('severity'),
            channel: get('channel'),
            page: 1,
          });
        }}
      >
        <input
          name="q"
          type="search"
          defaultValue={filter.q}
          placeholder={t('feedbackDesk.searchHint')}
          aria-label={t('feedbackDesk.searchHint')}
        />
        {communes.length === 1 && (
          <select name="categoryId" defaultValue={filter.categoryId ?? ''} aria-label={t('feedbackDesk.category')}>
            <option value="">
              {t('feedbackDesk.category')}: {t('common.all')}
            </option>
            {(categories.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {categoryLabel(i18n.language, c.nameVi, c.nameEn)}
              </option>
            ))}
          </select>
        )}
        <select name="unitId" defaultValue={filter.unitId ?? ''} aria-label={t('feedbackDesk.unit')}>
          <option value="">
            {t('feedbackDesk.unit')}: {t('common.all')}
          </option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <select name="severity" defaultValue={filter.severity ?? ''} aria-label={t('feedbackDesk.severity')}>
          <option value="">
            {t('feedbackDesk.severity')}: {t('common.all')}
          </option>
          {ticketSeverities.map((s) => (
            <option key={s} value={s}>
              {t(`feedbackDesk.severities.${s}`)}
            </option>
          ))}
        </select>
        <select name="channel" defaultValue={filter.channel ?? ''} aria-label={t('feedbackDesk.channel')}>
          <option value="">
            {t('feedbackDesk.channel')}: {t('common.all')}
          </option>
          {ticketChannels.map((c) => (
            <option key={c} value={c}>
              {t(`feedbackDesk.channels.${c}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('common.search')}</button>
      </form>
      <QueryState isLoading={query.isLoading} error={query.error} />
      {query.data && (
        <p className="muted" data-testid="ticket-total">
          {t('feedbackDesk.total', { count: query.data.total })}
        </p>
      )}
      {query.data && items.length === 0 && <p className="muted">{t('feedbackDesk.none')}</p>}
      <ul className="cards" data-testid="ticket-results">
        {items.map((x) => (
          <li key={x.id} className={`card ticket${x.overdue ? ' is-late' : x.dueSoon ? ' is-soon' : ''}`}>
            <Link href={`/feedback/${x.id}`}>
              <strong>{x.code}</strong>
            </Link>{' '}
            <span className={`badge status-${x.status}`}>{t(`feedbackDesk.status.${x.status}`)}</span>
            {x.severity !== 'NORMAL' && (
              <span className={`badge severity-${x.severity}`}> {t(`feedbackDesk.severities.${x.severity}`)}</span>
            )}
            {x.overdue && <span className="badge late"> {t('feedbackDesk.overdue')}</span>}
            {!x.overdue && x.dueSoon && <span className="badge soon"> {t('feedbackDesk.dueSoon')}</span>}
            {x.answerState === 'PENDING' && <span className="badge"> {t('feedbackDesk.answerState.PENDING')}</span>}
            <div>{x.title}</div>
            <div className="muted">
              {categoryLabel(i18n.language, x.categoryName, x.categoryNameEn)} · {x.unitName} ·{' '}
              {t(`feedbackDesk.channels.${x.channel}`)}
            </div>
            <div className="muted">
              {t('feedbackDesk.received')}: {formatDateTime(x.receivedAt)}
              {x.dueAt ? ` · ${t('feedbackDesk.due')}: ${formatDateTime(x.dueAt)}` : ''}
              {x.assigneeName ? ` · ${t('feedbackDesk.assignee')}: ${x.assigneeName}` : ''}
            </div>
          </li>
        ))}
      </ul>
      {query.data && (
        <Pager
          page={filter.page}
          hasMore={filter.page * PAGE_SIZE < query.data.total}
          onPage={(page) => onChange({ page })}
        />
      )}
    </section>
  );
}
