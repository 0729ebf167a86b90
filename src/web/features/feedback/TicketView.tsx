import { useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { messageOf } from '../../lib/api.js';
import { formatDateTime, formatPhone } from '../../lib/format.js';
import { AnswerEditor } from './AnswerEditor.js';
import { PublicationPanel } from './PublicationPanel.js';
import { TicketActions } from './TicketActions.js';
import { categoryLabel, useTicket, useTicketChange, type TicketDetail } from './api.js';

/** An internal note: staff only, never on the citizen's status page. */
function NoteForm({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const change = useTicketChange(ticket.id);
  const [body, setBody] = useState('');
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate({ path: '/notes', body: { body } }, { onSuccess: () => setBody('') });
      }}
    >
      <label>
        {t('feedbackDesk.note.label')}
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={2} maxLength={2000} required />
      </label>
      <div className="actions">
        <button type="submit" disabled={change.isPending || !body.trim()}>
          {t('feedbackDesk.note.add')}
        </button>
      </div>
      {change.error && (
        <p className="error" role="alert">
          {messageOf(change.error)}
        </p>
      )}
    </form>
  );
}

/** The journal, oldest first; what the citizen also sees is marked apart from what stays inside. */
function Journal({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline" data-testid="ticket-journal">
      {ticket.events.map((e) => (
        <li key={e.id} className={e.public ? 'public' : 'internal'}>
          <span className={`tag ${e.public ? 'tag-public' : 'tag-internal'}`}>
            {e.public ? t('feedbackDesk.journal.public') : t('feedbackDesk.journal.internal')}
          </span>{' '}
          <strong>{t(`feedbackDesk.event.${e.kind}`, { defaultValue: e.kind })}</strong>
          {e.toStatus && e.toStatus !== e.fromStatus ? ` → ${t(`feedbackDesk.status.${e.toStatus}`)}` : ''} —{' '}
          {formatDateTime(e.at)}
          {e.actorName ? ` · ${e.actorName}` : ''}
          {e.fromUnitName && e.toUnitName ? ` · ${e.fromUnitName} → ${e.toUnitName}` : ''}
          {!e.fromUnitName && e.toUnitName ? ` · ${e.toUnitName}` : ''}
          {e.body && <div className="pre">{e.body}</div>}
        </li>
      ))}
    </ol>
  );
}

/** One question or report: the sender, the text and photos, the journal, and exactly the steps this caller may take. */
export function TicketView({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const query = useTicket(id);
  const x = query.data;
  if (!x) return <QueryState isLoading={query.isLoading} error={query.error} />;
  const photos = x.files.filter((f) => f.mimeType.startsWith('image/'));
  const others = x.files.filter((f) => !f.mimeType.startsWith('image/'));
  const fileUrl = (fileId: number) => `/api/feedback/tickets/${x.id}/files/${fileId}`;
  return (
    <article className="ticket-view">
      <p>
        <Link href="/feedback">← {t('feedbackDesk.title')}</Link>
      </p>
      <h1 data-testid="ticket-code">{x.code}</h1>
      <p>
        <span className={`badge status-${x.status}`} data-testid="ticket-status">
          {t(`feedbackDesk.status.${x.status}`)}
        </span>
        <span className={`badge severity-${x.severity}`}> {t(`feedbackDesk.severities.${x.severity}`)}</span>
        {x.answerState && (
          <span className="badge" data-testid="answer-state">
            {' '}
            {t(`feedbackDesk.answerState.${x.answerState}`)}
          </span>
        )}
        {x.overdue && <span className="badge late"> {t('feedbackDesk.overdue')}</span>}
        {!x.overdue && x.dueSoon && <span className="badge soon"> {t('feedbackDesk.dueSoon')}</span>}
        {x.onTime !== null && (
          <span className="badge"> {x.onTime ? t('feedbackDesk.onTime') : t('feedbackDesk.late')}</span>
        )}
        {x.abuseAt && <span className="badge late"> {t('feedbackDesk.view.abuse')}</span>}
      </p>
      <h2 className="ticket-title">{x.title}</h2>
      {/* A short Zalo message is its own title: shown once. */}
      {x.body.trim() !== x.title.trim() && (
        <div className="pre" data-testid="ticket-body">
          {x.body}
        </div>
      )}
      {photos.length > 0 && (
        <div className="photos">
          {photos.map((f) => (
            <a key={f.id} href={fileUrl(f.id)} target="_blank" rel="noreferrer">
              <img src={fileUrl(f.id)} alt={f.fileName} loading="lazy" />
            </a>
          ))}
        </div>
      )}
      {others.length > 0 && (
        <ul>
          {others.map((f) => (
            <li key={f.id}>
              <a href={fileUrl(f.id)} target="_blank" rel="noreferrer">
                {f.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      <dl className="facts">
        <dt>{t('feedbackDesk.sender')}</dt>
        <dd data-testid="ticket-sender">
          {[x.senderName, formatPhone(x.senderPhone), x.senderEmail].filter(Boolean).join(' · ') ||
            (x.channel === 'ZALO' ? t('feedbackDesk.senderZalo') : '—')}
        </dd>
        <dt>{t('feedbackDesk.received')}</dt>
        <dd>
          {formatDateTime(x.receivedAt)} · {t(`feedbackDesk.channels.${x.channel}`)}
        </dd>
        <dt>{t('feedbackDesk.category')}</dt>
        <dd>{categoryLabel(i18n.language, x.categoryName, x.categoryNameEn)}</dd>
        <dt>{t('feedbackDesk.unit')}</dt>
        <dd>{x.unitName}</dd>
        {(x.locationUnitName || x.address || x.lat !== null) && (
          <>
            <dt>{t('feedbackDesk.location')}</dt>
            <dd>
              {[x.locationUnitName, x.address].filter(Boolean).join(' · ')}
              {x.lat !== null && x.lng !== null && (
                <>
                  {' '}
                  <a
                    href={`https://www.openstreetmap.org/?mlat=${x.lat}&mlon=${x.lng}#map=18/${x.lat}/${x.lng}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t('feedbackDesk.map')}
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        {x.acceptDueAt && !x.acceptedAt && (
          <>
            <dt>{t('feedbackDesk.acceptDue')}</dt>
            <dd>{formatDateTime(x.acceptDueAt)}</dd>
          </>
        )}
        {x.dueAt && (
          <>
            <dt>{t('feedbackDesk.due')}</dt>
            <dd>
              {formatDateTime(x.dueAt)}
              {x.extendedDueAt ? ` (${t('feedbackDesk.extended')})` : ''}
            </dd>
          </>
        )}
        {x.extensionRequestedUntil && (
          <>
            <dt>{t('feedbackDesk.extensionRequested')}</dt>
            <dd>
              {formatDateTime(x.extensionRequestedUntil)}
              {x.extensionReason ? `: ${x.extensionReason}` : ''}
            </dd>
          </>
        )}
        {x.assigneeName && (
          <>
            <dt>{t('feedbackDesk.assignee')}</dt>
            <dd>{x.assigneeName}</dd>
          </>
        )}
        {x.rejectReason && (
          <>
            <dt>{t('feedbackDesk.rejectReason')}</dt>
            <dd>{x.rejectReason}</dd>
          </>
        )}
        {x.rating && (
          <>
            <dt>{t('feedbackDesk.rating')}</dt>
            <dd data-testid="ticket-rating">
              {t(`feedbackDesk.ratings.${x.rating}`)}
              {x.ratingComment ? `: ${x.ratingComment}` : ''}
            </dd>
          </>
        )}
        {x.reopenCount > 0 && (
          <>
            <dt>{t('feedbackDesk.reopened')}</dt>
            <dd>{x.reopenCount}</dd>
          </>
        )}
        {x.merged.length > 0 && (
          <>
            <dt>{t('feedbackDesk.mergedHere')}</dt>
            <dd>
              {x.merged.map((m, i) => (
                <span key={m.id}>
                  {i > 0 && ', '}
                  <Link href={`/feedback/${m.id}`}>{m.code}</Link>
                </span>
              ))}
            </dd>
          </>
        )}
        {x.mergedIntoId && (
          <>
            <dt>{t('feedbackDesk.mergedInto')}</dt>
            <dd>
              <Link href={`/feedback/${x.mergedIntoId}`}>#{x.mergedIntoId}</Link>
            </dd>
          </>
        )}
      </dl>
      {x.answer && !x.actions.includes('answer') && (
        <section className="card" data-testid="ticket-answer">
          <h2>{t('feedbackDesk.answer.title')}</h2>
          <div className="pre">{x.answer}</div>
          {x.answerLinks.length > 0 && (
            <ul>
              {x.answerLinks.map((l) => (
                <li key={l.href}>
                  <a href={l.href} target="_blank" rel="noreferrer">
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {x.answeredAt && <p className="muted">{formatDateTime(x.answeredAt)}</p>}
        </section>
      )}
      <TicketActions ticket={x} />
      {x.actions.includes('answer') && <AnswerEditor key={x.id} ticket={x} />}
      <PublicationPanel ticket={x} />
      <h2>{t('feedbackDesk.journal.title')}</h2>
      <Journal ticket={x} />
      {x.actions.includes('note') && <NoteForm ticket={x} />}
      {x.lookupUrl && (
        <p>
          <a href={x.lookupUrl} target="_blank" rel="noreferrer">
            {t('feedbackDesk.lookupLink')}
          </a>
        </p>
      )}
    </article>
  );
}
