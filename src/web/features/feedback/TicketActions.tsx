import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useAssignees, useTicketChange, type TicketDetail, type TicketSummary } from './api.js';
import { useScopeUnits } from './useScopeUnits.js';

/** The steps this panel draws; the answer, the publication and notes have panels of their own. */
const panelActions = [
  'accept',
  'assign',
  'transfer',
  'approve_answer',
  'return_answer',
  'request_extension',
  'decide_extension',
  'close',
  'merge',
  'reject',
  'abuse',
] as const;
type PanelAction = (typeof panelActions)[number];
/** Steps taken at once, with no form. */
const direct: readonly PanelAction[] = ['accept', 'approve_answer', 'close'];
const primary: readonly PanelAction[] = ['accept', 'approve_answer'];

/** 5 p.m. Vietnam time of the chosen day, as an instant (a deadline runs to the end of the office day). */
const endOfDayVn = (day: string) => new Date(`${day}T17:00:00+07:00`).toISOString();

/** Finds the ticket a duplicate is merged into, by its code (or words of its title). */
function MergeTarget({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['feedback-tickets', 'merge', q],
    queryFn: () =>
      api<{ items: TicketSummary[] }>(`/api/feedback/tickets?view=open&q=${encodeURIComponent(q)}&pageSize=10`).then(
        (r) => r.items.filter((x) => x.id !== ticket.id),
      ),
    enabled: q.trim().length >= 3,
  });
  return (
    <>
      <label>
        {t('feedbackDesk.actions.mergeFind')}
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="PAKN.…" />
      </label>
      <fieldset>
        <legend>{t('feedbackDesk.actions.mergeInto')}</legend>
        {(found.data ?? []).map((x) => (
          <label key={x.id} className="inline">
            <input type="radio" name="intoId" value={x.id} required /> {x.code} — {x.title}
          </label>
        ))}
        {found.data && found.data.length === 0 && <p className="muted">{t('feedbackDesk.none')}</p>}
      </fieldset>
    </>
  );
}

/** Exactly the steps the API lists in `actions` (nothing the caller's role would be refused), each with its form. */
export function TicketActions({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const change = useTicketChange(ticket.id);
  const [chosen, setChosen] = useState<PanelAction | null>(null);
  const assignees = useAssignees(ticket.id, chosen === 'assign');
  const { units } = useScopeUnits();
  const offered = panelActions.filter((a) => ticket.actions.includes(a));
  if (offered.length === 0) return null;

  function run(action: PanelAction, form?: HTMLFormElement) {
    const d = form ? new FormData(form) : null;
    const text = (k: string) => String(d?.get(k) ?? '').trim();
    const version = ticket.version;
    const request: Record<PanelAction, { path: string; body: Record<string, unknown> }> = {
      accept: { path: '/accept', body: { version } },
      reject: { path: '/reject', body: { version, reason: text('reason') } },
      assign: { path: '/assign', body: { version, assigneeId: Number(text('assigneeId')) } },
      transfer: { path: '/transfer', body: { version, unitId: Number(text('unitId')), note: text('note') } },
      approve_answer: { path: '/answer/approve', body: { version } },
      return_answer: { path: '/answer/return', body: { version, note: text('note') } },
      close: { path: '/close', body: { version } },
      request_extension: {
        path: '/extension',
        body: { version, until: text('until') ? endOfDayVn(text('until')) : '', reason: text('reason') },
      },
      decide_extension: {
        path: '/extension/decide',
        body: { version, approve: text('approve') === 'yes', note: text('note') || undefined },
      },
      merge: { path: '/merge', body: { version, intoId: Number(text('intoId')) } },
      abuse: { path: '/abuse', body: { version, reason: text('reason') } },
    };
    change.mutate(request[action], { onSuccess: () => setChosen(null) });
  }

  return (
    <section className="card" data-testid="ticket-actions">
      <div className="actions">
        {offered.map((a) => (
          <button
            key={a}
            type="button"
            className={primary.includes(a) ? 'primary' : a === 'abuse' || a === 'reject' ? 'danger' : undefined}
            aria-expanded={direct.includes(a) ? undefined : chosen === a}
            disabled={change.isPending}
            onClick={() => (direct.includes(a) ? run(a) : setChosen(chosen === a ? null : a))}
          >
            {t(`feedbackDesk.actions.${a}`)}
          </button>
        ))}
      </div>
      {chosen && (
        <form
          className="stack"
          aria-label={t(`feedbackDesk.actions.${chosen}`)}
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            run(chosen, e.currentTarget);
          }}
        >
          {chosen === 'assign' && (
            <label>
              {t('feedbackDesk.actions.assignTo')}
              <select name="assigneeId" required>
                {(assignees.data ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name} · {o.unitName}
                  </option>
                ))}
              </select>
            </label>
          )}
          {chosen === 'transfer' && (
            <>
              <label>
                {t('feedbackDesk.actions.transferTo')}
                <select name="unitId" required>
                  {units
                    .filter((u) => u.id !== ticket.unitId)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                </select>
              </label>
              <label>
                {t('feedbackDesk.actions.note')}
                <textarea name="note" required maxLength={2000} rows={2} />
              </label>
            </>
          )}
          {(chosen === 'reject' || chosen === 'abuse') && (
            <label>
              {t('feedbackDesk.actions.reason')}
              <textarea name="reason" required maxLength={2000} rows={2} />
            </label>
          )}
          {chosen === 'return_answer' && (
            <label>
              {t('feedbackDesk.actions.returnNote')}
              <textarea name="note" required maxLength={2000} rows={2} />
            </label>
          )}
          {chosen === 'request_extension' && (
            <>
              <label>
                {t('feedbackDesk.actions.until')}
                <input name="until" type="date" required />
              </label>
              <label>
                {t('feedbackDesk.actions.reason')}
                <textarea name="reason" required maxLength={2000} rows={2} />
              </label>
            </>
          )}
          {chosen === 'decide_extension' && (
            <>
              <p>
                {t('feedbackDesk.actions.extensionAsked', {
                  until: ticket.extensionRequestedUntil ? formatDateTime(ticket.extensionRequestedUntil) : '—',
                })}
                {ticket.extensionReason ? `: ${ticket.extensionReason}` : ''}
              </p>
              <label className="inline">
                <input type="radio" name="approve" value="yes" defaultChecked /> {t('feedbackDesk.actions.approve')}
              </label>
              <label className="inline">
                <input type="radio" name="approve" value="no" /> {t('feedbackDesk.actions.refuse')}
              </label>
              <label>
                {t('feedbackDesk.actions.note')}
                <textarea name="note" maxLength={2000} rows={2} />
              </label>
            </>
          )}
          {chosen === 'merge' && <MergeTarget ticket={ticket} />}
          <div className="actions">
            <button className="primary" type="submit" disabled={change.isPending}>
              {t(`feedbackDesk.actions.${chosen}`)}
            </button>
            <button type="button" onClick={() => setChosen(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {change.error && (
        <p className="error" role="alert">
          {messageOf(change.error)}
        </p>
      )}
    </section>
  );
}
