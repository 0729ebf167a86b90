import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/api.js';
import { formatMoney } from '../../lib/format.js';
import { useMe } from '../auth/useMe.js';
import { RecordTransfer } from '../payments/RecordTransfer.js';
import { useCashPayment } from '../payments/useCashPayment.js';
import { useDossierAction, useOfficers, type DossierDetail } from './api.js';
import { useReturnReady } from './Results.js';

const needsReason = ['REFUSE', 'REQUEST_SUPPLEMENT', 'SEND_BACK', 'WITHDRAW', 'STOP', 'APOLOGIZE'];

/** Exactly the actions the workflow allows now (with the reason, assignee or date some need), and cash for the fee. */
export function ActionPanel({ dossier }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const act = useDossierAction(dossier.id);
  const me = useMe().data;
  const [chosen, setChosen] = useState<string | null>(null);
  const officers = useOfficers(chosen === 'ASSIGN' ? dossier.unitId : undefined);
  const { canTakeCash, cashlessToday, takeCash, paid } = useCashPayment(dossier);
  const cannotReturn = useReturnReady(dossier);
  const cash = canTakeCash ? (
    <button type="button" onClick={() => void takeCash()}>
      {t('payments.cash', { fee: formatMoney(dossier.feeAmount, i18n.language) })}
    </button>
  ) : cashlessToday ? (
    <span className="muted" data-testid="cashless-today">
      {t('payments.cashlessToday')}
    </span>
  ) : null;
  // A transfer is offered like cash (a fee on a dossier still open); once paid it stays to say so.
  const transfer =
    dossier.feeAmount > 0 && !['REFUSED', 'WITHDRAWN', 'STOPPED'].includes(dossier.status) ? (
      <RecordTransfer dossier={dossier} />
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
        {transfer}
        <p className="muted">{t('dossiers.desk.noActions')}</p>
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
            disabled={act.isPending || (a === 'RETURN' && cannotReturn !== null)}
            onClick={() => (needsReason.includes(a) || a === 'ASSIGN' ? setChosen(a) : run(a))}
          >
            {t(`dossiers.action.${a}`)}
          </button>
        ))}
        {cash}
      </div>
      {cannotReturn && (
        <p className="muted" data-testid="return-hint">
          {cannotReturn}
        </p>
      )}
      {paid && (
        <p role={paid.ok ? 'status' : 'alert'} className={paid.ok ? 'ok' : 'error'}>
          {paid.text}
        </p>
      )}
      {transfer}
      {chosen && (
        <form
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            run(chosen, e.currentTarget);
          }}
        >
          {chosen === 'ASSIGN' ? (
            <label>
              {t('dossiers.desk.assignTo')}
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
              {t('dossiers.desk.reason')}
              <textarea name="reason" required maxLength={1000} rows={2} />
            </label>
          )}
          {chosen === 'APOLOGIZE' && (
            <label>
              {t('dossiers.desk.newDueDate')}
              <input name="newDueDate" type="date" required />
            </label>
          )}
          <div className="actions">
            <button className="primary" type="submit">
              {t(`dossiers.action.${chosen}`)}
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
