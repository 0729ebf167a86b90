import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { QueryState } from '../../../components/Status.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { useFormErrors } from '../../../lib/form-errors.js';
import { type PublicTicket, usePublicTicket, useTicketChange } from './api.js';

/**
 * `/q/<token>`: what the link and QR code given after sending open. The status in words, the deadline, the public
 * journal (never a staff note), the answer with its links; then, as the report allows, a rating, a request to look
 * at it again within the commune's window, or more information.
 */
export function TicketStatusPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const query = usePublicTicket(token);
  const d = query.data;
  if (!d) return <QueryState isLoading={query.isLoading} error={query.error} />;
  const finished = ['ANSWERED', 'CLOSED', 'REJECTED'].includes(d.status);
  return (
    <article>
      <h1>{t('pakn.track.title', { code: d.code })}</h1>
      <p>
        <span className={`badge status-${d.status}`} data-testid="ticket-status">
          {t(`pakn.status.${d.status}`)}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('pakn.track.commune')}</dt>
        <dd>{d.commune.name}</dd>
        <dt>{t('pakn.track.category')}</dt>
        <dd>{d.category}</dd>
        <dt>{t('pakn.track.received')}</dt>
        <dd>{formatDateTime(d.receivedAt)}</dd>
        {!finished && (
          <>
            <dt>{t('pakn.track.due')}</dt>
            <dd data-testid="ticket-due">{formatDateTime(d.dueAt)}</dd>
          </>
        )}
      </dl>
      {d.mergedInto && <p className="notice-line">{t('pakn.track.mergedInto', { code: d.mergedInto })}</p>}
      <h2>{t('pakn.track.content')}</h2>
      <section className="card" lang="vi">
        <h3>{d.title}</h3>
        {d.body.trim() !== d.title.trim() && <p className="pre-line">{d.body}</p>}
      </section>
      {d.answer && <Answer d={d} />}
      {d.rejectReason && (
        <section className="card">
          <h2>{t('pakn.track.rejected')}</h2>
          <p className="pre-line" lang="vi">
            {d.rejectReason}
          </p>
        </section>
      )}
      {d.rating && (
        <p className="ok" data-testid="ticket-rated">
          {t('pakn.track.thanks', { rating: t(`pakn.rating.${d.rating}`) })}
        </p>
      )}
      {d.canRate && <RatingForm token={token} />}
      {d.canReopen && d.reopenUntil && <ReopenForm token={token} until={d.reopenUntil} />}
      {d.canMessage && <MessageForm token={token} />}
      <h2>{t('pakn.track.journal')}</h2>
      <ol className="timeline" data-testid="ticket-journal">
        {d.events.map((e) => (
          <li key={e.id}>
            <strong>
              {e.kind === 'STATUS' && e.toStatus ? t(`pakn.status.${e.toStatus}`) : t(`pakn.event.${e.kind}`)}
            </strong>{' '}
            — {formatDateTime(e.at)}
            {e.body ? (
              <>
                : <span lang={e.actorKind === 'STAFF' ? 'vi' : undefined}>{e.body}</span>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <p>
        <Link href={`/c/${d.commune.code}/hoi-dap`}>{t('pakn.track.qaLink')}</Link>
      </p>
    </article>
  );
}

function Answer({ d }: { d: PublicTicket }) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="ticket-answer">
      <h2>{t('pakn.track.answer')}</h2>
      {d.answeredAt && <p className="muted">{t('pakn.answeredOn', { date: formatDate(toLocalDay(d.answeredAt)) })}</p>}
      <p className="pre-line" lang="vi">
        {d.answer}
      </p>
      {d.answerLinks.length > 0 && (
        <>
          <h3>{t('pakn.track.links')}</h3>
          <ul>
            {d.answerLinks.map((l) => (
              <li key={l.href}>
                <a href={safeHref(l.href)} lang="vi">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A link from an answer: a page of this site or an https/http address; anything else (javascript:…) goes nowhere. */
export const safeHref = (href: string) => (/^(\/(?!\/)|https?:\/\/)/i.test(href) ? href : '#');

/** The Vietnamese calendar day of an instant (YYYY-MM-DD). */
export const toLocalDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);

function RatingForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const rate = useTicketChange<{ rating: string; comment?: string }>(token, 'rating');
  const errors = useFormErrors();
  const [rating, setRating] = useState('');
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        const comment = String(new FormData(e.currentTarget).get('comment') ?? '').trim();
        rate.mutate(
          { rating, ...(comment ? { comment } : {}) },
          { onError: (failure) => errors.fromError(failure, ['comment']) },
        );
      }}
    >
      <fieldset>
        <legend>{t('pakn.track.rate')}</legend>
        <div className="actions">
          {(['SATISFIED', 'UNSATISFIED'] as const).map((r) => (
            <label key={r} className="inline">
              <input type="radio" name="rating" value={r} checked={rating === r} onChange={() => setRating(r)} />
              {t(`pakn.rating.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        {t('pakn.track.rateComment')}
        <textarea name="comment" maxLength={1000} rows={2} {...errors.props('comment')} />
        {errors.message('comment')}
      </label>
      {errors.summary()}
      <button className="primary" type="submit" disabled={!rating || rate.isPending} data-testid="send-rating">
        {t('pakn.track.sendRating')}
      </button>
    </form>
  );
}

function ReopenForm({ token, until }: { token: string; until: string }) {
  const { t } = useTranslation();
  const reopen = useTicketChange<{ reason: string }>(token, 'reopen');
  const errors = useFormErrors();
  if (reopen.isSuccess)
    return (
      <p className="ok" role="status">
        {t('pakn.track.reopened')}
      </p>
    );
  return (
    <details className="card">
      <summary>{t('pakn.track.reopen')}</summary>
      <p className="muted">{t('pakn.track.reopenUntil', { date: formatDateTime(until) })}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const reason = String(new FormData(e.currentTarget).get('reason') ?? '');
          if (!errors.check({ reason: { value: reason, required: true } })) return;
          reopen.mutate({ reason }, { onError: (failure) => errors.fromError(failure, ['reason']) });
        }}
      >
        <label>
          {t('pakn.track.reopenReason')}
          <textarea name="reason" required maxLength={2000} rows={3} {...errors.props('reason')} />
          {errors.message('reason')}
        </label>
        {errors.summary()}
        <button type="submit" disabled={reopen.isPending}>
          {t('pakn.track.sendReopen')}
        </button>
      </form>
    </details>
  );
}

function MessageForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const send = useTicketChange<{ body: string }>(token, 'messages');
  const errors = useFormErrors();
  return (
    <details className="card">
      <summary>{t('pakn.track.message')}</summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const body = String(new FormData(form).get('body') ?? '');
          if (!errors.check({ body: { value: body, required: true } })) return;
          send.mutate(
            { body },
            { onError: (failure) => errors.fromError(failure, ['body']), onSuccess: () => form.reset() },
          );
        }}
      >
        <label>
          {t('pakn.track.messageBody')}
          <textarea name="body" required maxLength={2000} rows={3} {...errors.props('body')} />
          {errors.message('body')}
        </label>
        {errors.summary()}
        {send.isSuccess && (
          <p className="ok" role="status">
            {t('pakn.track.messageSent')}
          </p>
        )}
        <button type="submit" disabled={send.isPending}>
          {t('pakn.track.sendMessage')}
        </button>
      </form>
    </details>
  );
}
