import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { OnlyVietnamese } from '../../components/OnlyVietnamese.js';
import { QueryState } from '../../components/Status.js';
import { messageOf } from '../../lib/api.js';
import { formatDateTime, formatMoney } from '../../lib/format.js';
import { useFormErrors } from '../../lib/form-errors.js';
import { useCitizen } from '../citizens/useCitizen.js';
import { PayWithVietQr } from '../payments/PayWithVietQr.js';
import { PostalTracking, ResultDownload } from './Results.js';
import { SupplementForm } from './SupplementForm.js';
import {
  useApplicantAction,
  useForgetProof,
  usePublicDossier,
  useProve,
  useRate,
  useSendProofCode,
  type PublicDossier,
} from './api.js';

/** The forms a dossier has, from the events that issued them. */
const formsOf = (d: PublicDossier) => [
  '01',
  ...['02', '03', '04', '05'].filter((n) => d.timeline.some((e) => e.formType === `MAU_${n}`)),
];

/**
 * `/s/<token>`: what the receipt's QR code opens. Anyone with the link sees the status (initials only); the applicant,
 * once confirmed (a code by SMS to the phone on file, or signed in to the account that filed it), sees the staff's
 * reasons and can withdraw, send papers, rate and download the forms.
 */
export function StatusPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const query = usePublicDossier(token);
  // Signed in, the account's CSRF token goes with the applicant's changes.
  useCitizen();
  const d = query.data;
  if (!d) return <QueryState isLoading={query.isLoading} error={query.error} />;
  const due = d.extendedDueAt ?? d.dueAt;
  return (
    <article>
      <h1>{t('dossiers.track.title', { code: d.code })}</h1>
      <p>
        <span className={`badge status-${d.status}`} data-testid="dossier-status">
          {t(`dossiers.status.${d.status}`)}
        </span>
        {d.overdue && <span className="badge late"> {t('dossiers.track.overdue')}</span>}
      </p>
      <dl className="facts">
        <dt>{t('dossiers.desk.procedure')}</dt>
        {/* The commune's name for it in the reader's language; the official Vietnamese (marked so) when none. */}
        <dd>
          <span lang={d.procedureNameFallback ? 'vi' : undefined} data-testid="procedure-name">
            {d.procedureName}
          </span>
          {d.procedureNameFallback && <OnlyVietnamese />}
        </dd>
        <dt>{t('dossiers.track.applicant')}</dt>
        <dd>{d.applicantInitials}</dd>
        <dt>{t('dossiers.track.submitted')}</dt>
        <dd>
          {formatDateTime(d.submittedAt)} · {t(`dossiers.channel.${d.channel}`)}
        </dd>
        {d.receivedAt && (
          <>
            <dt>{t('dossiers.track.received')}</dt>
            <dd>{formatDateTime(d.receivedAt)}</dd>
          </>
        )}
        {due && (
          <>
            <dt>{d.extendedDueAt ? t('dossiers.track.extended') : t('dossiers.track.due')}</dt>
            <dd>{formatDateTime(due)}</dd>
          </>
        )}
        <dt>{t('dossiers.submit.result')}</dt>
        <dd>{t(`dossiers.returnMethod.${d.returnMethod}`)}</dd>
        {d.feeAmount > 0 && (
          <>
            <dt>{t('dossiers.track.fee')}</dt>
            <dd>
              {formatMoney(d.feeAmount, i18n.language)} (
              {d.paid ? t('dossiers.track.paid') : t('dossiers.track.unpaid')})
            </dd>
          </>
        )}
      </dl>
      {d.linked.length > 0 && (
        <>
          <h2>{t('dossiers.submit.bundleAlso')}</h2>
          <ul>
            {d.linked.map((l) => (
              <li key={l.code}>
                {l.code} · <span lang={l.procedureNameFallback ? 'vi' : undefined}>{l.procedureName}</span> —{' '}
                {t(`dossiers.status.${l.status}`)}
              </li>
            ))}
          </ul>
          {d.linked.some((l) => l.procedureNameFallback) && (
            <OnlyVietnamese text={t('procedures.someNamesOnlyVietnamese')} />
          )}
        </>
      )}
      <h2>{t('dossiers.track.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {d.timeline.map((e) => (
          <li key={e.id}>
            <strong>{t(`dossiers.action.${e.action}`)}</strong> — {formatDateTime(e.at)}
            {e.reason ? `: ${e.reason}` : ''}
          </li>
        ))}
      </ol>
      <h2>{t('dossiers.track.forms')}</h2>
      {d.applicant ? (
        <ul>
          {formsOf(d).map((n) => (
            <li key={n}>
              <a href={`/api/public/dossiers/${token}/forms/${n}`} target="_blank" rel="noreferrer">
                {t(`dossiers.track.form.${n}`)}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('dossiers.proof.formsLocked')}</p>
      )}
      {d.returnMethod === 'ONLINE' &&
        d.status === 'RETURNED' &&
        (d.applicant ? (
          <ResultDownload token={token} />
        ) : (
          <p className="muted">{t('dossiers.results.onlineNeedsProof')}</p>
        ))}
      {d.returnMethod === 'POST' && <PostalTracking token={token} />}
      {d.rating && <p className="ok">{t('dossiers.track.thanks', { rating: t(`dossiers.rating.${d.rating}`) })}</p>}
      {d.applicant ? (
        <>
          <Confirmed token={token} applicant={d.applicant} />
          {d.applicantActions.includes('SUPPLEMENT') && <SupplementForm token={token} dossier={d} />}
          {d.canRate && <RatingForm token={token} />}
          {d.applicantActions.includes('WITHDRAW') && <WithdrawForm token={token} />}
        </>
      ) : (
        <ConfirmApplicant token={token} proof={d.proof} />
      )}
      {d.feeAmount > 0 && (d.paid || !['REFUSED', 'WITHDRAWN', 'STOPPED'].includes(d.status)) && (
        <PayWithVietQr token={token} paid={d.paid} />
      )}
    </article>
  );
}

/**
 * Proving to be the applicant, made for a cheap phone: one button sends a code to the phone on file (only its last
 * digits shown), one box takes the 6 digits. Without a phone on file, only the account or the counter can act.
 */
function ConfirmApplicant({ token, proof }: { token: string; proof: PublicDossier['proof'] }) {
  const { t } = useTranslation();
  const send = useSendProofCode(token);
  const prove = useProve(token);
  const sent = send.data;
  const errors = useFormErrors();
  const error = send.error;
  return (
    <section className="card" data-testid="confirm-applicant">
      <h2>{t('dossiers.proof.title')}</h2>
      <p className="muted">{t('dossiers.proof.why')}</p>
      {proof.phoneEnding === null ? (
        <p>{t('dossiers.proof.noPhone')}</p>
      ) : sent ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
            if (!errors.check({ code: { value: code, required: true, rule: 'confirmCode' } })) return;
            prove.mutate({ code }, { onError: (failure) => errors.fromError(failure, ['code']) });
          }}
        >
          <p className="ok" role="status">
            {t('dossiers.proof.sent', { ending: sent.phoneEnding, minutes: sent.minutes })}
          </p>
          <label>
            {t('dossiers.proof.code')}
            <input
              name="code"
              required
              inputMode="numeric"
              maxLength={6}
              autoComplete="one-time-code"
              {...errors.props('code')}
            />
            {errors.message('code')}
          </label>
          {errors.summary()}
          <p className="actions">
            <button className="primary" type="submit" disabled={prove.isPending}>
              {t('dossiers.proof.confirm')}
            </button>
            <button type="button" disabled={send.isPending} onClick={() => send.mutate()}>
              {t('dossiers.proof.resend')}
            </button>
          </p>
        </form>
      ) : (
        <button className="primary wide" type="button" disabled={send.isPending} onClick={() => send.mutate()}>
          {t('dossiers.proof.send', { ending: proof.phoneEnding })}
        </button>
      )}
      {proof.account && (
        <p>
          {t('dossiers.proof.accountHint')} <Link href="/me">{t('dossiers.proof.account')}</Link>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {messageOf(error)}
        </p>
      )}
    </section>
  );
}

/** Who the page takes the visitor for, and (on a shared phone) a way to end it before its 30 minutes. */
function Confirmed({ token, applicant }: { token: string; applicant: NonNullable<PublicDossier['applicant']> }) {
  const { t } = useTranslation();
  const forget = useForgetProof(token);
  if (applicant.via === 'ACCOUNT') return <p className="ok">{t('dossiers.proof.provenAccount')}</p>;
  return (
    <p className="ok" data-testid="confirmed">
      {t('dossiers.proof.proven', { until: formatDateTime(applicant.until!) })}{' '}
      <button type="button" disabled={forget.isPending} onClick={() => forget.mutate()}>
        {t('dossiers.proof.forget')}
      </button>
    </p>
  );
}

function RatingForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const rate = useRate(token);
  const [rating, setRating] = useState('');
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        rate.mutate({
          rating,
          comment: String(new FormData(e.currentTarget).get('comment') ?? '').trim() || undefined,
        });
      }}
    >
      <h2>{t('dossiers.track.rate')}</h2>
      <div className="actions" role="radiogroup">
        {(['SATISFIED', 'ACCEPTABLE', 'UNSATISFIED'] as const).map((r) => (
          <label key={r} className="inline">
            <input type="radio" name="rating" value={r} checked={rating === r} onChange={() => setRating(r)} required />
            {t(`dossiers.rating.${r}`)}
          </label>
        ))}
      </div>
      <label>
        {t('dossiers.track.rateComment')}
        <textarea name="comment" maxLength={1000} rows={2} />
      </label>
      {rate.error && (
        <p className="error" role="alert">
          {messageOf(rate.error)}
        </p>
      )}
      <button className="primary" type="submit" disabled={!rating || rate.isPending}>
        {t('dossiers.track.sendRating')}
      </button>
    </form>
  );
}

function WithdrawForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const action = useApplicantAction(token);
  const errors = useFormErrors();
  return (
    <details className="card">
      <summary>{t('dossiers.track.withdraw')}</summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const reason = String(new FormData(e.currentTarget).get('reason') ?? '');
          if (!errors.check({ reason: { value: reason, required: true } })) return;
          action.mutate(
            { action: 'WITHDRAW', reason },
            { onError: (failure) => errors.fromError(failure, ['reason']) },
          );
        }}
      >
        <label>
          {t('dossiers.track.withdrawReason')}
          <input name="reason" required maxLength={1000} {...errors.props('reason')} />
          {errors.message('reason')}
        </label>
        {errors.summary()}
        <button type="submit" disabled={action.isPending}>
          {t('dossiers.track.withdraw')}
        </button>
      </form>
    </details>
  );
}
