import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { formatMoney } from '../../lib/format.js';
import { useProcedure } from './api.js';
import { TimeLimit } from './TimeLimit.js';

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
