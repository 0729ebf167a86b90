import { useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { OnlyVietnamese } from '../../components/OnlyVietnamese.js';
import { QueryState } from '../../components/Status.js';
import { useProcedures } from './api.js';
import { procedureName } from './names.js';
import { TimeLimit } from './TimeLimit.js';

const fields = [
  'HO_TICH',
  'CHUNG_THUC',
  'CU_TRU',
  'HO_KINH_DOANH',
  'BAO_TRO_XA_HOI',
  'NGUOI_CO_CONG',
  'DAT_DAI',
  'XAY_DUNG',
  'BAO_HIEM',
  'KHAC',
] as const;

/**
 * The catalog a citizen searches after scanning the notice board; at the counter the same list leads to submitting on
 * the citizen's behalf (`linkTo`).
 */
export function ProcedureCatalog({
  linkTo = (code: string) => `/p/${code}`,
  title,
}: {
  linkTo?: (code: string) => string;
  title?: string;
}) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [field, setField] = useState('');
  const query = useProcedures({ q: q.trim() || undefined, field: field || undefined });
  return (
    <section>
      <h1>{title ?? t('procedures.catalog')}</h1>
      <label className="visually-hidden" htmlFor="procedure-search">
        {t('procedures.search')}
      </label>
      <input
        id="procedure-search"
        type="search"
        value={q}
        placeholder={t('procedures.search')}
        onChange={(e) => setQ(e.target.value)}
      />
      <select value={field} onChange={(e) => setField(e.target.value)} aria-label={t('procedures.fieldLabel')}>
        <option value="">
          {t('procedures.fieldLabel')}: {t('common.all')}
        </option>
        {fields.map((f) => (
          <option key={f} value={f}>
            {t(`procedures.field.${f}`)}
          </option>
        ))}
      </select>
      <QueryState isLoading={query.isLoading} error={query.error} />
      {query.data?.items.length === 0 && <p className="muted">{t('common.none')}</p>}
      {/* A Japanese or Chinese reader meets the names the commune has not translated in Vietnamese: said once. */}
      {query.data?.items.some((p) => !procedureName(p, i18n.language).translated) && (
        <OnlyVietnamese text={t('procedures.someNamesOnlyVietnamese')} />
      )}
      <ul className="cards" data-testid="procedure-results">
        {query.data?.items.map((p) => (
          <li key={p.id}>
            <Link href={linkTo(p.code)} className="card link">
              <strong lang={procedureName(p, i18n.language).translated ? undefined : 'vi'}>
                {procedureName(p, i18n.language).name}
              </strong>
              <span className="muted">
                {t(`procedures.field.${p.field}`)} · <TimeLimit p={p} /> · {t(`procedures.online.${p.onlineLevel}`)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/api/public/procedures-poster${field ? `?field=${field}` : ''}`} target="_blank" rel="noreferrer">
          {t('procedures.poster')}
        </a>
      </p>
    </section>
  );
}
