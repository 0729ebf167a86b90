import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ticketSeverities, type Deadline, type DeadlineUnit } from '../../../shared/feedback.js';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { CategoriesEditor } from './CategoriesEditor.js';
import { Open311Clients } from './Open311Clients.js';
import { TemplatesEditor } from './TemplatesEditor.js';
import { useFeedbackSettings, type SettingsWithVersion } from './api.js';
import { useScopeUnits } from './useScopeUnits.js';

/** An amount and its unit (working hours or working days), read from the form by name. */
function DeadlineField({ name, value, label }: { name: string; value: Deadline; label: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="deadline">
      <legend>{label}</legend>
      <input
        name={`${name}.amount`}
        type="number"
        min={1}
        max={999}
        required
        defaultValue={value.amount}
        aria-label={`${label}: ${t('feedbackDesk.settings.amount')}`}
      />
      <select
        name={`${name}.unit`}
        defaultValue={value.unit}
        aria-label={`${label}: ${t('feedbackDesk.settings.unit')}`}
      >
        <option value="WORKING_HOUR">{t('feedbackDesk.settings.WORKING_HOUR')}</option>
        <option value="WORKING_DAY">{t('feedbackDesk.settings.WORKING_DAY')}</option>
      </select>
    </fieldset>
  );
}

function SettingsForm({ communeId, settings }: { communeId: number; settings: SettingsWithVersion }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { notice, run } = useNotice();
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const num = (k: string) => Number(d.get(k));
    const deadline = (k: string): Deadline => ({
      amount: num(`${k}.amount`),
      unit: d.get(`${k}.unit`) as DeadlineUnit,
    });
    const body = {
      version: settings.version,
      acceptWithin: deadline('acceptWithin'),
      deadlines: Object.fromEntries(ticketSeverities.map((s) => [s, deadline(`deadlines.${s}`)])),
      reopenDays: num('reopenDays'),
      approvalRequired: d.get('approvalRequired') === 'on',
      dueSoonHours: num('dueSoonHours'),
      perPhonePerDay: num('perPhonePerDay'),
      perAddressPerDay: num('perAddressPerDay'),
    };
    await run(async () => {
      const saved = await api<SettingsWithVersion>(`/api/feedback/settings/${communeId}`, { method: 'PUT', body });
      client.setQueryData(['feedback-settings', communeId], saved);
      return t('common.saved');
    });
  }
  const number = (name: keyof SettingsWithVersion, max: number) => (
    <label>
      {t(`feedbackDesk.settings.${name}`)}
      <input name={name} type="number" min={0} max={max} required defaultValue={Number(settings[name])} />
    </label>
  );
  return (
    <form className="stack" onSubmit={(e) => void save(e)} key={settings.version} data-testid="feedback-settings">
      <h2>{t('feedbackDesk.settings.deadlines')}</h2>
      <DeadlineField
        name="acceptWithin"
        value={settings.acceptWithin}
        label={t('feedbackDesk.settings.acceptWithin')}
      />
      {ticketSeverities.map((s) => (
        <DeadlineField
          key={s}
          name={`deadlines.${s}`}
          value={settings.deadlines[s]}
          label={t(`feedbackDesk.severities.${s}`)}
        />
      ))}
      {number('dueSoonHours', 200)}
      {number('reopenDays', 90)}
      <label className="inline">
        <input type="checkbox" name="approvalRequired" defaultChecked={settings.approvalRequired} />{' '}
        {t('feedbackDesk.settings.approvalRequired')}
      </label>
      <h2>{t('feedbackDesk.settings.limits')}</h2>
      {number('perPhonePerDay', 1000)}
      {number('perAddressPerDay', 10000)}
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
      <NoticeLine notice={notice} />
    </form>
  );
}

/**
 * A commune's feedback settings: deadlines, windows, approval, limits; categories and routing; answer templates; the
 * Open311 keys of the apps that file reports for it.
 */
export function FeedbackSettingsPage() {
  const { t } = useTranslation();
  const { communes, isLoading } = useScopeUnits();
  const [chosen, setChosen] = useState<number | undefined>();
  const communeId = chosen ?? communes[0]?.id;
  const settings = useFeedbackSettings(communeId);
  return (
    <section className="feedback">
      <h1>{t('feedbackDesk.settings.title')}</h1>
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
      <QueryState isLoading={isLoading || settings.isLoading} error={settings.error} />
      {communeId && settings.data && <SettingsForm communeId={communeId} settings={settings.data} />}
      {communeId && <CategoriesEditor communeId={communeId} />}
      {communeId && <TemplatesEditor communeId={communeId} />}
      {communeId && <Open311Clients communeId={communeId} />}
    </section>
  );
}
