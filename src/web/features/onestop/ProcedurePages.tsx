import { useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { formatMoney } from '../../lib/format.js';
import { useProcedure, useProcedures, type Procedure } from './api.js';

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

/** "3 ngày làm việc", "Trong ngày (nộp trước 15:00)": a procedure's time limit in words. */
export function TimeLimit({ p }: { p: Pick<Procedure, 'timeAmount' | 'timeUnit'> }) {
  const { t } = useTranslation();
  return <>{t(`onestop.time.${p.timeUnit}`, { count: p.timeAmount, cutoff: '15:00' })}</>;
}

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
  const en = i18n.language === 'en';
  return (
    <section>
      <h1>{title ?? t('onestop.procedure.catalog')}</h1>
      <label className="visually-hidden" htmlFor="procedure-search">
        {t('onestop.procedure.search')}
      </label>
      <input
        id="procedure-search"
        type="search"
        value={q}
        placeholder={t('onestop.procedure.search')}
        onChange={(e) => setQ(e.target.value)}
      />
      <select value={field} onChange={(e) => setField(e.target.value)} aria-label={t('onestop.procedure.fieldLabel')}>
        <option value="">
          {t('onestop.procedure.fieldLabel')}: {t('common.all')}
        </option>
        {fields.map((f) => (
          <option key={f} value={f}>
            {t(`onestop.field.${f}`)}
          </option>
        ))}
      </select>
      <QueryState isLoading={query.isLoading} error={query.error} />
      {query.data?.items.length === 0 && <p className="muted">{t('common.none')}</p>}
      <ul className="cards" data-testid="procedure-results">
        {query.data?.items.map((p) => (
          <li key={p.id}>
            <Link href={linkTo(p.code)} className="card link">
              <strong>{en ? p.nameEn : p.nameVi}</strong>
              <span className="muted">
                {t(`onestop.field.${p.field}`)} · <TimeLimit p={p} /> · {t(`onestop.online.${p.onlineLevel}`)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/api/public/procedures-poster${field ? `?field=${field}` : ''}`} target="_blank" rel="noreferrer">
          {t('onestop.procedure.poster')}
        </a>
      </p>
    </section>
  );
}

/** `/p/<code>`: what the QR code on the wall opens. Mobile first, no login, everything needed to get it done. */
export function ProcedurePage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const query = useProcedure(code);
  const p = query.data;
  if (!p) return <QueryState isLoading={query.isLoading} error={query.error} />;
  const en = i18n.language === 'en';
  return (
    <article>
      <p className="muted">
        {t(`onestop.field.${p.field}`)} · {t('onestop.procedure.code')} {p.code}
      </p>
      <h1>{en ? p.nameEn : p.nameVi}</h1>
      <dl className="facts">
        <dt>{t('onestop.procedure.time')}</dt>
        <dd>
          <TimeLimit p={p} />
        </dd>
        <dt>{t('onestop.procedure.howToSubmit')}</dt>
        <dd>
          {t(`onestop.online.${p.onlineLevel}`)};{' '}
          {p.postalAllowed ? t('onestop.procedure.postal') : t('onestop.procedure.postalNo')}
        </dd>
      </dl>
      {p.onlineLevel !== 'NONE' ? (
        <p>
          <Link href={`/p/${p.code}/submit`} className="button primary" data-testid="submit-online">
            {t('onestop.procedure.submitOnline')}
          </Link>
        </p>
      ) : (
        <p className="ok">{t('onestop.procedure.atCounter')}</p>
      )}
      <h2>{t('onestop.procedure.documents')}</h2>
      {p.documents.length === 0 ? (
        <p className="muted">{t('common.none')}</p>
      ) : (
        <ol>
          {p.documents.map((d) => (
            <li key={d.nameVi}>
              {en ? d.nameEn : d.nameVi} — {t(`onestop.copyType.${d.copyType}`)},{' '}
              {t('onestop.procedure.count', { count: d.count })}
              {d.required ? '' : ` (${t('onestop.procedure.optional')})`}
            </li>
          ))}
        </ol>
      )}
      <h2>{t('onestop.procedure.fees')}</h2>
      {p.fees.length === 0 || p.fees.every((f) => f.amountVnd === 0) ? (
        <p>{t('onestop.procedure.free')}</p>
      ) : (
        <ul>
          {p.fees.map((f) => (
            <li key={f.channel}>
              {t(`onestop.procedure.channelFee.${f.channel}`)}:{' '}
              {f.amountVnd ? formatMoney(f.amountVnd, i18n.language) : t('onestop.procedure.free')}
              {(en ? f.noteEn : f.noteVi) ? ` — ${en ? f.noteEn : f.noteVi}` : ''}
            </li>
          ))}
        </ul>
      )}
      {p.legalBasis && (
        <p className="muted">
          {t('onestop.procedure.legal')}: {p.legalBasis}
        </p>
      )}
      <figure className="qr">
        <img
          src={`/api/public/procedures/${encodeURIComponent(p.code)}/qr`}
          alt={t('onestop.procedure.qr')}
          width={160}
          height={160}
          loading="lazy"
        />
      </figure>
    </article>
  );
}
