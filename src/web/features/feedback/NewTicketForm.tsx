import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { ticketSeverities } from '../../../shared/feedback.js';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { useUnits } from '../units/api.js';
import { categoryLabel, useCategories, type TicketDetail } from './api.js';
import { useScopeUnits } from './useScopeUnits.js';

/** A key per form shown: pressing "Record" twice (a slow line) files one ticket, not two. */
const newKey = () => `fb-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** An officer records a question given at the counter or over the hotline, on the caller's behalf. */
export function NewTicketForm() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const { communes, roots, units, isLoading } = useScopeUnits();
  /** A question routed to a unit outside the caller's (a group head's, sent to the commune): said so, not a 404. */
  const [filedElsewhere, setFiledElsewhere] = useState<TicketDetail | null>(null);
  const [chosen, setChosen] = useState<number | undefined>();
  const communeId = chosen ?? communes[0]?.id;
  const categories = useCategories(communeId);
  // Commune staff pick among the commune's groups; a group head (who may not list the commune's) among their own.
  const groups = useUnits(roots.some((u) => u.id === communeId) ? communeId : undefined);
  const [key] = useState(newKey);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const text = (k: string) => String(d.get(k) ?? '').trim() || undefined;
    setBusy(true);
    setError(null);
    try {
      const ticket = await api<TicketDetail>('/api/feedback/tickets', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: {
          communeId,
          channel: text('channel'),
          categoryId: Number(text('categoryId')),
          severity: text('severity'),
          title: text('title'),
          body: text('body'),
          senderName: text('senderName'),
          senderPhone: text('senderPhone'),
          senderEmail: text('senderEmail'),
          locationUnitId: text('locationUnitId') ? Number(text('locationUnitId')) : undefined,
          address: text('address'),
          publishable: d.get('publishable') === 'on',
        },
      });
      await client.invalidateQueries({ queryKey: ['feedback-tickets'] });
      if (units.some((u) => u.id === ticket.unitId)) navigate(`/feedback/${ticket.id}`);
      else setFiledElsewhere(ticket);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  if (isLoading) return <QueryState isLoading error={null} />;
  if (filedElsewhere)
    return (
      <section className="feedback">
        <h1>{t('feedbackDesk.new.title')}</h1>
        <p role="status" data-testid="filed-elsewhere">
          {t('feedbackDesk.new.filedElsewhere', { code: filedElsewhere.code, unit: filedElsewhere.unitName })}
        </p>
        <Link href="/feedback">{t('feedbackDesk.title')}</Link>
      </section>
    );
  return (
    <section className="feedback">
      <h1>{t('feedbackDesk.new.title')}</h1>
      <form onSubmit={(e) => void submit(e)} className="stack">
        {communes.length > 1 && (
          <label>
            {t('feedbackDesk.commune')}
            <select value={communeId} onChange={(e) => setChosen(Number(e.target.value))}>
              {communes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset>
          <legend>{t('feedbackDesk.channel')}</legend>
          <label className="inline">
            <input type="radio" name="channel" value="COUNTER" defaultChecked /> {t('feedbackDesk.channels.COUNTER')}
          </label>
          <label className="inline">
            <input type="radio" name="channel" value="HOTLINE" /> {t('feedbackDesk.channels.HOTLINE')}
          </label>
        </fieldset>
        <label>
          {t('feedbackDesk.category')}
          <select name="categoryId" required>
            {(categories.data ?? [])
              .filter((c) => c.active)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {categoryLabel(i18n.language, c.nameVi, c.nameEn)}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('feedbackDesk.severity')}
          <select name="severity" defaultValue="">
            <option value="">{t('feedbackDesk.new.severityDefault')}</option>
            {ticketSeverities.map((s) => (
              <option key={s} value={s}>
                {t(`feedbackDesk.severities.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('feedbackDesk.titleField')}
          <input name="title" required maxLength={200} />
        </label>
        <label>
          {t('feedbackDesk.body')}
          <textarea name="body" required maxLength={5000} rows={5} />
        </label>
        <label>
          {t('feedbackDesk.senderName')}
          <input name="senderName" maxLength={120} autoComplete="off" />
        </label>
        <label>
          {t('feedbackDesk.senderPhone')}
          <input name="senderPhone" type="tel" inputMode="tel" maxLength={20} autoComplete="off" />
        </label>
        <label>
          {t('feedbackDesk.senderEmail')}
          <input name="senderEmail" type="email" maxLength={200} autoComplete="off" />
        </label>
        <label>
          {t('feedbackDesk.location')}
          <select name="locationUnitId" defaultValue="">
            <option value="">—</option>
            {(groups.data ?? [])
              .filter((g) => !g.closedAt && (g.tier === 'COMMUNITY' || g.tier === 'ZONE'))
              .map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('feedbackDesk.address')}
          <input name="address" maxLength={300} />
        </label>
        <label className="inline">
          <input type="checkbox" name="publishable" /> {t('feedbackDesk.new.publishable')}
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !communeId}>
            {t('feedbackDesk.new.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
