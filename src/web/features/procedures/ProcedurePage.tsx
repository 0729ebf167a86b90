import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { OnlyVietnamese } from '../../components/OnlyVietnamese.js';
import { QueryState } from '../../components/Status.js';
import { formatMoney } from '../../lib/format.js';
import { useProcedure } from './api.js';
import { hasOwnText, procedureName } from './names.js';
import { TimeLimit } from './TimeLimit.js';

/** `/p/<code>`: what the QR code on the wall opens. Mobile first, no login, everything needed to get it done. */
export function ProcedurePage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const query = useProcedure(code);
  const p = query.data;
  if (!p) return <QueryState isLoading={query.isLoading} error={query.error} />;
  const en = i18n.language === 'en';
  const title = procedureName(p, i18n.language);
  // Papers and fee notes exist in Vietnamese and English; Japanese and Chinese readers get Vietnamese, told so.
  const ownText = hasOwnText(i18n.language);
  return (
    <article>
      <p className="muted">
        {t(`procedures.field.${p.field}`)} · {t('procedures.code')} {p.code}
      </p>
      <h1 lang={title.translated ? undefined : 'vi'}>{title.name}</h1>
      {!ownText &&
        (title.translated ? (
          <p className="muted">
            {t('procedures.officialName')}: <span lang="vi">{p.nameVi}</span>
          </p>
        ) : (
          <OnlyVietnamese />
        ))}
      <dl className="facts">
        <dt>{t('procedures.time')}</dt>
        <dd>
          <TimeLimit p={p} />
        </dd>
        <dt>{t('procedures.howToSubmit')}</dt>
        <dd>
          {t(`procedures.online.${p.onlineLevel}`)};{' '}
          {p.postalAllowed ? t('procedures.postal') : t('procedures.postalNo')}
        </dd>
      </dl>
      {p.onlineLevel !== 'NONE' ? (
        <p>
          <Link href={`/p/${p.code}/submit`} className="button primary" data-testid="submit-online">
            {t('procedures.submitOnline')}
          </Link>
        </p>
      ) : (
        <p className="ok">{t('procedures.atCounter')}</p>
      )}
      <h2>{t('procedures.documents')}</h2>
      {!ownText && title.translated && p.documents.length > 0 && <OnlyVietnamese />}
      {p.documents.length === 0 ? (
        <p className="muted">{t('common.none')}</p>
      ) : (
        <ol lang={ownText ? undefined : 'vi'}>
          {p.documents.map((d) => (
            <li key={d.nameVi}>
              {en ? d.nameEn : d.nameVi} — {t(`procedures.copyType.${d.copyType}`)},{' '}
              {t('procedures.count', { count: d.count })}
              {d.required ? '' : ` (${t('procedures.optional')})`}
            </li>
          ))}
        </ol>
      )}
      <h2>{t('procedures.fees')}</h2>
      {!ownText && title.translated && p.fees.some((f) => f.noteVi) && <OnlyVietnamese />}
      {p.fees.length === 0 || p.fees.every((f) => f.amountVnd === 0) ? (
        <p>{t('procedures.free')}</p>
      ) : (
        <ul>
          {p.fees.map((f) => (
            <li key={f.channel}>
              {t(`procedures.channelFee.${f.channel}`)}:{' '}
              {f.amountVnd ? formatMoney(f.amountVnd, i18n.language) : t('procedures.free')}
              {(en ? f.noteEn : f.noteVi) ? ` — ${en ? f.noteEn : f.noteVi}` : ''}
            </li>
          ))}
        </ul>
      )}
      {p.legalBasis && (
        <p className="muted">
          {t('procedures.legal')}: {p.legalBasis}
        </p>
      )}
      <figure className="qr">
        <img
          src={`/api/public/procedures/${encodeURIComponent(p.code)}/qr`}
          alt={t('procedures.qr')}
          width={160}
          height={160}
          loading="lazy"
        />
      </figure>
    </article>
  );
}
