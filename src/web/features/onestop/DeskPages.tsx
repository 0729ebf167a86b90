import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { Pager } from '../../components/Pager.js';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDateTime, formatMoney, formatPhone } from '../../lib/format.js';
import { useMe } from '../auth/useMe.js';
import { useProcedures } from '../procedures/api.js';
import { Shipments } from '../counter/Shipments.js';
import {
  useDossier,
  useDossierAction,
  useDossiers,
  useOfficers,
  type DossierDetail,
  type QueueFilter,
} from '../dossiers/api.js';

export const queues = [
  'to_receive',
  'mine',
  'due_soon',
  'overdue',
  'supplement',
  'to_approve',
  'to_return',
  'all',
  'closed',
] as const;

/** The officer's work queues, with search and bulk assignment. */
export function DossierQueue({
  filter,
  onChange,
}: {
  filter: QueueFilter;
  onChange: (changes: Partial<QueueFilter>) => void;
}) {
  const { t } = useTranslation();
  const query = useDossiers(filter);
  const procedures = useProcedures({});
  const client = useQueryClient();
  const me = useMe().data;
  const [selected, setSelected] = useState<number[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<number | undefined>();
  const items = query.data?.items ?? [];
  const officers = useOfficers(items.find((d) => selected.includes(d.id))?.unitId);

  async function assignSelected() {
    if (!me) return;
    try {
      const result = await api<{ assigned: string[]; refused: { id: number; detail: string }[] }>(
        '/api/dossiers/assign',
        { method: 'POST', body: { ids: selected, assigneeId: assignee ?? me.user.id } },
      );
      setMessage(
        [
          t('onestop.desk.assignedCount', { count: result.assigned.length }),
          result.refused.length ? t('onestop.desk.refusedCount', { count: result.refused.length }) : '',
        ]
          .filter(Boolean)
          .join(' · '),
      );
      setSelected([]);
      await client.invalidateQueries({ queryKey: ['dossiers'] });
    } catch (e) {
      setMessage(messageOf(e));
    }
  }

  return (
    <section>
      <h1>{t('onestop.desk.title')}</h1>
      <nav className="tabs" aria-label={t('onestop.desk.title')}>
        {queues.map((q) => (
          <button
            key={q}
            type="button"
            aria-pressed={filter.queue === q}
            onClick={() => onChange({ queue: q, page: 1 })}
          >
            {t(`onestop.queue.${q}`)}
          </button>
        ))}
      </nav>
      <form
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          onChange({ q: String(d.get('q') ?? ''), procedure: String(d.get('procedure') ?? ''), page: 1 });
        }}
      >
        <input
          name="q"
          type="search"
          defaultValue={filter.q}
          placeholder={t('onestop.desk.searchHint')}
          aria-label={t('onestop.desk.searchHint')}
        />
        <select name="procedure" defaultValue={filter.procedure ?? ''} aria-label={t('onestop.desk.procedure')}>
          <option value="">
            {t('onestop.desk.procedure')}: {t('common.all')}
          </option>
          {procedures.data?.items.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} · {p.nameVi}
            </option>
          ))}
        </select>
        <button type="submit">{t('common.search')}</button>
      </form>
      <QueryState isLoading={query.isLoading} error={query.error} />
      {query.data && items.length === 0 && <p className="muted">{t('onestop.desk.none')}</p>}
      {selected.length > 0 && (
        <p className="actions">
          <select
            value={assignee ?? me?.user.id}
            onChange={(e) => setAssignee(Number(e.target.value))}
            aria-label={t('onestop.desk.assignTo')}
          >
            {(officers.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.id === me?.user.id ? `${o.fullName} (${t('onestop.desk.me')})` : o.fullName}
              </option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => void assignSelected()}>
            {t('onestop.desk.bulkAssign')}
          </button>
        </p>
      )}
      {message && (
        <p className="ok" role="status">
          {message}
        </p>
      )}
      <ul className="cards" data-testid="dossier-results">
        {items.map((d) => (
          <li key={d.id} className="card">
            <label className="inline">
              <input
                type="checkbox"
                checked={selected.includes(d.id)}
                onChange={(e) => setSelected((s) => (e.target.checked ? [...s, d.id] : s.filter((x) => x !== d.id)))}
              />
              <span className="visually-hidden">{d.code}</span>
            </label>
            <Link href={`/dossiers/${d.id}`}>
              <strong>{d.code}</strong>
            </Link>
            <div>{d.procedureName}</div>
            <div className="muted">
              {d.applicantName} · {t(`onestop.channel.${d.channel}`)} ·{' '}
              <span className={`badge status-${d.status}`}>{t(`onestop.status.${d.status}`)}</span>
              {d.overdue && <span className="badge late"> {t('onestop.track.overdue')}</span>}
            </div>
            {d.dueAt && (
              <div className="muted">
                {t('onestop.desk.due')}: {formatDateTime(d.extendedDueAt ?? d.dueAt)}
                {d.assigneeName ? ` · ${t('onestop.desk.assignee')}: ${d.assigneeName}` : ''}
              </div>
            )}
          </li>
        ))}
      </ul>
      {query.data && <Pager page={filter.page} hasMore={query.data.hasMore} onPage={(page) => onChange({ page })} />}
    </section>
  );
}

const needsReason = ['REFUSE', 'REQUEST_SUPPLEMENT', 'SEND_BACK', 'WITHDRAW', 'STOP', 'APOLOGIZE'];

/** One dossier: the applicant, the papers, the history, and exactly the actions the workflow allows now. */
export function DossierView({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useDossier(id);
  const d = query.data;
  if (!d) return <QueryState isLoading={query.isLoading} error={query.error} />;
  return (
    <article>
      <p>
        <Link href="/dossiers">← {t('onestop.desk.title')}</Link>
      </p>
      <h1 data-testid="dossier-code">{d.code}</h1>
      <p>
        <span className={`badge status-${d.status}`} data-testid="dossier-status">
          {t(`onestop.status.${d.status}`)}
        </span>
        {d.awaitingApproval && <span className="badge"> {t('onestop.desk.awaitingApproval')}</span>}
        {d.overdue && <span className="badge late"> {t('onestop.track.overdue')}</span>}
        {d.onTime !== null && (
          <span className="badge"> {d.onTime ? t('onestop.desk.onTime') : t('onestop.desk.late')}</span>
        )}
      </p>
      <dl className="facts">
        <dt>{t('onestop.desk.procedure')}</dt>
        <dd>
          {d.procedureName} ({d.procedureCode})
        </dd>
        <dt>{t('onestop.desk.applicant')}</dt>
        <dd>
          {d.applicantName}
          {d.applicantPersonalId ? ` · ${d.applicantPersonalId}` : ''}
        </dd>
        <dt>{t('onestop.desk.applicantContact')}</dt>
        <dd>{[formatPhone(d.applicantPhone), d.applicantEmail, d.applicantAddress].filter(Boolean).join(' · ')}</dd>
        <dt>{t('onestop.track.submitted')}</dt>
        <dd>
          {formatDateTime(d.submittedAt)} · {t(`onestop.channel.${d.channel}`)}
        </dd>
        {d.dueAt && (
          <>
            <dt>{t('onestop.track.due')}</dt>
            <dd>
              {formatDateTime(d.dueAt)}
              {d.extendedDueAt ? ` → ${formatDateTime(d.extendedDueAt)}` : ''}
            </dd>
          </>
        )}
        <dt>{t('onestop.submit.result')}</dt>
        <dd>
          {t(`onestop.returnMethod.${d.returnMethod}`)}
          {d.postalAddress ? `: ${d.postalAddress}` : ''}
        </dd>
        {d.assigneeName && (
          <>
            <dt>{t('onestop.desk.assignee')}</dt>
            <dd>{d.assigneeName}</dd>
          </>
        )}
      </dl>
      {d.fields.length > 0 && (
        <>
          <h2>{t('onestop.desk.fields')}</h2>
          <dl className="facts">
            {d.fields.flatMap((f) => [<dt key={`k-${f.key}`}>{f.label}</dt>, <dd key={`v-${f.key}`}>{f.value}</dd>])}
          </dl>
        </>
      )}
      <ActionPanel dossier={d} />
      {(d.returnMethod === 'POST' || d.channel === 'POSTAL') && <Shipments dossierId={d.id} />}
      <h2>{t('onestop.desk.papers')}</h2>
      <ul>
        {d.files.map((f) => (
          <li key={f.id}>
            <a href={`/api/dossiers/${d.id}/files/${f.id}`} target="_blank" rel="noreferrer">
              {f.label ?? f.fileName}
            </a>{' '}
            <span className="muted">({Math.ceil(f.size / 1024)} KB)</span>
          </li>
        ))}
      </ul>
      <ScanUpload dossierId={d.id} />
      <h2>{t('onestop.track.timeline')}</h2>
      <ol className="timeline">
        {d.events.map((e) => (
          <li key={e.id}>
            <strong>{t(`onestop.action.${e.action}`)}</strong> — {formatDateTime(e.at)}
            {e.actorName ? ` · ${e.actorName}` : ''}
            {e.reason ? `: ${e.reason}` : ''}
          </li>
        ))}
      </ol>
      <p>
        <a href={`/s/${d.token}`} target="_blank" rel="noreferrer">
          {t('onestop.desk.statusLink')}
        </a>{' '}
        ·{' '}
        <a href={`/api/public/dossiers/${d.token}/forms/01`} target="_blank" rel="noreferrer">
          {t('onestop.track.form.01')}
        </a>
      </p>
    </article>
  );
}

function ActionPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const act = useDossierAction(dossier.id);
  const me = useMe().data;
  const [chosen, setChosen] = useState<string | null>(null);
  const officers = useOfficers(chosen === 'ASSIGN' ? dossier.unitId : undefined);
  const [paid, setPaid] = useState<{ ok: boolean; text: string } | null>(null);
  const client = useQueryClient();
  const { i18n } = useTranslation();
  const canTakeCash =
    dossier.feeAmount > 0 && !dossier.paid && !['REFUSED', 'WITHDRAWN', 'STOPPED'].includes(dossier.status);
  async function takeCash() {
    try {
      const result = await api<{ receiptNo: string | null }>(`/api/dossiers/${dossier.id}/cash`, {
        method: 'POST',
        body: { amount: dossier.feeAmount },
      });
      setPaid({ ok: true, text: t('onestop.desk.cashDone', { receipt: result.receiptNo }) });
      await client.invalidateQueries({ queryKey: ['dossier', dossier.id] });
    } catch (e) {
      setPaid({ ok: false, text: messageOf(e) });
    }
  }
  const cash = canTakeCash ? (
    <button type="button" onClick={() => void takeCash()}>
      {t('onestop.desk.cash', { fee: formatMoney(dossier.feeAmount, i18n.language) })}
    </button>
  ) : null;
  if (dossier.allowedActions.length === 0)
    return (
      <>
        {cash}
        {paid && (
          <p role={paid.ok ? 'status' : 'alert'} className={paid.ok ? 'ok' : 'error'}>
            {paid.text}
          </p>
        )}
        <p className="muted">{t('onestop.desk.noActions')}</p>
      </>
    );
  function run(action: string, form?: HTMLFormElement) {
    const data = form ? new FormData(form) : null;
    const text = (k: string) => String(data?.get(k) ?? '').trim() || undefined;
    const assignee = Number(text('assigneeId') ?? me?.user.id);
    act.mutate(
      {
        action,
        version: dossier.version,
        reason: text('reason'),
        newDueDate: text('newDueDate'),
        ...(action === 'ASSIGN' ? { assigneeId: assignee } : {}),
      },
      { onSuccess: () => setChosen(null) },
    );
  }
  return (
    <section className="card">
      <div className="actions">
        {dossier.allowedActions.map((a) => (
          <button
            key={a}
            type="button"
            className={['RECEIVE', 'APPROVE', 'RETURN', 'RESOLVE'].includes(a) ? 'primary' : undefined}
            disabled={act.isPending}
            onClick={() => (needsReason.includes(a) || a === 'ASSIGN' ? setChosen(a) : run(a))}
          >
            {t(`onestop.action.${a}`)}
          </button>
        ))}
        {cash}
      </div>
      {paid && (
        <p role={paid.ok ? 'status' : 'alert'} className={paid.ok ? 'ok' : 'error'}>
          {paid.text}
        </p>
      )}
      {chosen && (
        <form
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            run(chosen, e.currentTarget);
          }}
        >
          {chosen === 'ASSIGN' ? (
            <label>
              {t('onestop.desk.assignTo')}
              <select name="assigneeId" defaultValue={me?.user.id}>
                {(officers.data?.items ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.fullName} ({o.username})
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              {t('onestop.desk.reason')}
              <textarea name="reason" required maxLength={1000} rows={2} />
            </label>
          )}
          {chosen === 'APOLOGIZE' && (
            <label>
              {t('onestop.desk.newDueDate')}
              <input name="newDueDate" type="date" required />
            </label>
          )}
          <div className="actions">
            <button className="primary" type="submit">
              {t(`onestop.action.${chosen}`)}
            </button>
            <button type="button" onClick={() => setChosen(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {act.error && (
        <p className="error" role="alert">
          {messageOf(act.error)}
        </p>
      )}
    </section>
  );
}

/** Scanning papers in at the counter (or attaching the result): PDF, JPEG or PNG, checked by content on the server. */
function ScanUpload({ dossierId }: { dossierId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const data = new FormData(formEl);
    setError(null);
    try {
      const form = new FormData();
      form.append('kind', String(data.get('kind')));
      form.append('file', data.get('file') as File);
      await api(`/api/dossiers/${dossierId}/files`, { method: 'POST', form });
      formEl.reset();
      await client.invalidateQueries({ queryKey: ['dossier', dossierId] });
    } catch (e) {
      setError(messageOf(e));
    }
  }
  return (
    <form className="actions" onSubmit={(e) => void send(e)}>
      <select name="kind" aria-label={t('onestop.desk.scan')}>
        <option value="SCAN">{t('onestop.desk.scan')}</option>
        <option value="RESULT">{t('onestop.desk.resultFile')}</option>
      </select>
      <input
        name="file"
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        required
        aria-label={t('onestop.desk.papers')}
      />
      <button type="submit">{t('onestop.desk.papers')} +</button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
