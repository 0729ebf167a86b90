import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { QueryState } from '../../../components/Status.js';
import { formatDate } from '../../../lib/format.js';
import { type QaFilter, type QaItem, qaSearch, useQa } from './api.js';
import { safeHref, toLocalDay } from './TicketStatusPage.js';

/**
 * `/c/<commune code>/hoi-dap`: the commune's published questions and answers — only what an officer published, with
 * personal data masked — searched without accents, filtered by topic and by group, 20 to a page. The filters live
 * in the address, so a search can be shared and the server draws the same page.
 */
export function QaPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const filter: QaFilter = {
    q: params.get('q') ?? undefined,
    categoryId: params.get('categoryId') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
    page: Number(params.get('page')) || 1,
  };
  const qa = useQa(code, filter);
  const here = `/c/${code}/hoi-dap`;
  const d = qa.data;
  if (!d) return <QueryState isLoading={qa.isLoading} error={qa.error} />;
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  const go = (f: QaFilter) => {
    const search = qaSearch(f);
    return search ? `${here}?${search}` : here;
  };
  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    navigate(
      go({
        q: String(data.get('q') ?? '').trim() || undefined,
        categoryId: String(data.get('categoryId') ?? '') || undefined,
        unitId: String(data.get('unitId') ?? '') || undefined,
      }),
    );
  }
  return (
    <section>
      <h1>{t('pakn.qaTitle', { commune: d.commune.name })}</h1>
      <p className="muted">{t('pakn.qaIntro')}</p>
      <p>
        <Link href={`/c/${code}/phan-anh`}>{t('pakn.ask')}</Link>
      </p>
      {/* A plain GET form: without JavaScript the server draws the results page itself. */}
      <form method="get" action={here} onSubmit={search} className="stack" data-testid="qa-search">
        <label>
          {t('pakn.search')}
          <input name="q" type="search" maxLength={200} defaultValue={filter.q ?? ''} />
        </label>
        <label>
          {t('pakn.category')}
          <select name="categoryId" defaultValue={filter.categoryId ?? ''}>
            <option value="">{t('pakn.allCategories')}</option>
            {d.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('pakn.group')}
          <select name="unitId" defaultValue={filter.unitId ?? ''}>
            <option value="">{t('pakn.allGroups')}</option>
            {d.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('pakn.searchButton')}
        </button>
      </form>
      <p role="status" data-testid="qa-count">
        {d.total === 0 ? t('pakn.noResults') : t('pakn.found', { count: d.total })}
      </p>
      {d.items.map((item) => (
        <QaEntry key={item.id} item={item} />
      ))}
      {pages > 1 && (
        <nav className="actions" aria-label={t('pakn.pageOf', { page: d.page, pages })}>
          {d.page > 1 && <Link href={go({ ...filter, page: d.page - 1 })}>{t('pakn.prev')}</Link>}
          <span>{t('pakn.pageOf', { page: d.page, pages })}</span>
          {d.page < pages && <Link href={go({ ...filter, page: d.page + 1 })}>{t('pakn.next')}</Link>}
        </nav>
      )}
    </section>
  );
}

function QaEntry({ item }: { item: QaItem }) {
  const { t } = useTranslation();
  return (
    <details className="card qa-item" data-testid="qa-item">
      <summary>
        <strong lang="vi">{item.title}</strong>
        <br />
        <span className="muted">
          {item.category}
          {item.unitName ? ` · ${item.unitName}` : ''}
          {item.answeredAt ? ` · ${t('pakn.answeredOn', { date: formatDate(toLocalDay(item.answeredAt)) })}` : ''}
        </span>
      </summary>
      <h2>{t('pakn.question')}</h2>
      <p className="pre-line" lang="vi">
        {item.body}
      </p>
      {item.files.length > 0 && (
        <div className="qa-photos">
          {item.files.map((f) => (
            <img key={f.id} src={`/api/public/feedback/files/${f.id}`} alt={f.fileName} loading="lazy" />
          ))}
        </div>
      )}
      <h2>{t('pakn.answer')}</h2>
      <p className="pre-line" lang="vi">
        {item.answer}
      </p>
      {item.answerLinks.length > 0 && (
        <ul>
          {item.answerLinks.map((l) => (
            <li key={l.href}>
              <a href={safeHref(l.href)} lang="vi">
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
