import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime, formatMoney } from '../../lib/format.js';
import { ReachSplit, type ReachPreview } from '../announcements/ReachSplit.js';

type Preview = {
  unitId: number;
  households: number;
  reach: ReachPreview;
  cost: {
    sms: {
      messages: number;
      segments: number;
      encoding: 'GSM-7' | 'UCS-2';
      text: string;
      price: number;
      total: number;
    };
    zns: { messages: number; price: number; total: number };
    total: number;
    pricesAreDefaults: boolean;
  };
  guard: {
    intervalHours: number;
    blocked: boolean;
    recentHouseholds: number;
    lastSentAt: string | null;
    nextAllowedAt: string | null;
  };
  canOverride: boolean;
};

/**
 * A reminder before it goes: who (households), over which channels, at what estimated SMS/ZNS cost; then a
 * confirmation. Households reminded within the interval hold it back: a leader may send it anyway, with a reason.
 */
export function ReminderConfirm({
  id,
  unitId,
  onDone,
  onCancel,
}: {
  id: number;
  unitId?: number;
  onDone: (households: number) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const { notice, run } = useNotice();
  const preview = useQuery({
    queryKey: ['remind-preview', id, unitId],
    queryFn: () =>
      api<Preview>(`/api/campaigns/${id}/remind/preview`, { method: 'POST', body: unitId ? { unitId } : {} }),
  });
  const p = preview.data;
  if (!p) return <QueryState isLoading={preview.isLoading} error={preview.error} />;
  const money = (n: number) => formatMoney(n, i18n.language);
  const blocked = p.guard.blocked;
  const send = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const r = await api<{ households: number }>(`/api/campaigns/${id}/remind`, {
        method: 'POST',
        body: { unitId: p.unitId, ...(blocked ? { override: { reason: reason.trim() } } : {}) },
      });
      onDone(r.households);
    });
  };
  return (
    <form className="card" data-testid="reminder-confirm" onSubmit={send}>
      <h3>{t('campaigns.reminder.title')}</h3>
      <p>
        <strong>{t('campaigns.reminder.households', { count: p.households })}</strong>
      </p>
      <ReachSplit reach={p.reach} />
      <p data-testid="reminder-cost">
        {t('campaigns.reminder.cost', {
          total: money(p.cost.total),
          sms: p.cost.sms.messages,
          segments: p.cost.sms.segments,
          smsPrice: money(p.cost.sms.price),
          zns: p.cost.zns.messages,
          znsPrice: money(p.cost.zns.price),
        })}
      </p>
      {p.cost.sms.messages > 0 && (
        <details data-testid="reminder-sms">
          <summary>
            {t('campaigns.reminder.smsText')} ({t(`campaigns.reminder.smsEncoding_.${p.cost.sms.encoding}`)})
          </summary>
          <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{p.cost.sms.text}</p>
        </details>
      )}
      <p className="muted">
        {t('campaigns.reminder.estimateNote')} {p.cost.pricesAreDefaults && t('campaigns.reminder.defaults')}
      </p>
      {blocked && (
        <p className="error" role="alert" data-testid="reminder-blocked">
          {t('campaigns.reminder.blocked', {
            count: p.guard.recentHouseholds,
            at: formatDateTime(p.guard.lastSentAt!),
            next: formatDateTime(p.guard.nextAllowedAt!),
          })}
          {!p.canOverride && ` ${t('campaigns.reminder.onlyLeader')}`}
        </p>
      )}
      {blocked && p.canOverride && (
        <label>
          {t('campaigns.reminder.overrideReason')}
          <input
            name="reason"
            required
            minLength={5}
            maxLength={300}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      )}
      <NoticeLine notice={notice} />
      <p className="actions">
        <button type="submit" className="primary" disabled={blocked && !p.canOverride}>
          {t('campaigns.reminder.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('campaigns.reminder.cancel')}
        </button>
      </p>
    </form>
  );
}
