import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { DocumentSettings } from '../documents/DocumentSettings.js';

type Settings = {
  codePattern: string;
  sameDayCutoff: string;
  saturdayMorning: boolean;
  bankBin: string | null;
  bankAccount: string | null;
  bankAccountName: string | null;
  bankName: string | null;
  cashlessWeekdays: number[];
  counterHours: string;
  slotMinutes: number;
  slotCapacity: number;
  noAppointmentWeekdays: number[];
  closedDays: string[];
  officeAddress: string | null;
  officePhone: string | null;
};

/** dd/mm/yyyy lines → ISO dates; the form shows and takes dates the Vietnamese way. */
const parseDays = (text: string) =>
  text
    .split(/\s*[\n,;]\s*/)
    .filter(Boolean)
    .map((d) => {
      const m = d.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
      return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : d;
    });

/**
 * A commune leader's settings for the counter: codes, cut-off, Saturdays, the fee account, cashless and closed days;
 * under them, who signs the commune's documents.
 */
export function CounterSettingsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const units = useQuery({
    queryKey: ['counter-units'],
    queryFn: () => api<{ items: { id: number; name: string }[] }>('/api/dossiers/counter-units'),
  });
  const [unit, setUnit] = useState<number | undefined>();
  const unitId = unit ?? units.data?.items[0]?.id;
  const settings = useQuery({
    queryKey: ['onestop-settings', unitId],
    queryFn: () => api<Settings>(`/api/onestop/settings/${unitId}`),
    enabled: unitId !== undefined,
  });
  const { notice, run } = useNotice();
  const weekdays = t('dossiers.settings.weekdays', { returnObjects: true }) as string[];

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const text = (k: string) => String(d.get(k) ?? '').trim();
    const days = (k: string) => d.getAll(k).map(Number);
    const body: Settings = {
      codePattern: text('codePattern'),
      sameDayCutoff: text('sameDayCutoff'),
      saturdayMorning: d.get('saturdayMorning') === 'on',
      bankBin: text('bankBin') || null,
      bankAccount: text('bankAccount') || null,
      bankAccountName: text('bankAccountName') || null,
      bankName: text('bankName') || null,
      cashlessWeekdays: days('cashless'),
      counterHours: text('counterHours'),
      slotMinutes: Number(text('slotMinutes')),
      slotCapacity: Number(text('slotCapacity')),
      noAppointmentWeekdays: days('noAppointment'),
      closedDays: parseDays(text('closedDays')),
      officeAddress: text('officeAddress') || null,
      officePhone: text('officePhone') || null,
    };
    await run(async () => {
      await api(`/api/onestop/settings/${unitId}`, { method: 'PUT', body });
      await client.invalidateQueries({ queryKey: ['onestop-settings'] });
      return t('dossiers.settings.saved');
    });
  }
  const s = settings.data;
  return (
    <section>
      <h1>{t('dossiers.settings.title')}</h1>
      <select
        value={unitId}
        onChange={(e) => setUnit(Number(e.target.value))}
        aria-label={t('dossiers.submit.commune')}
      >
        {units.data?.items.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <QueryState isLoading={settings.isLoading} error={settings.error} />
      {s && (
        <form key={unitId} className="card" onSubmit={(e) => void save(e)}>
          <label>
            {t('dossiers.settings.codePattern')}
            <input name="codePattern" defaultValue={s.codePattern} required />
          </label>
          <label>
            {t('dossiers.settings.cutoff')}
            <input name="sameDayCutoff" type="time" defaultValue={s.sameDayCutoff} required />
          </label>
          <fieldset>
            <legend>{t('dossiers.settings.officeTitle')}</legend>
            <label>
              {t('dossiers.settings.officeAddress')}
              <input name="officeAddress" defaultValue={s.officeAddress ?? ''} maxLength={300} />
            </label>
            <label>
              {t('dossiers.settings.officePhone')}
              <input name="officePhone" type="tel" defaultValue={s.officePhone ?? ''} maxLength={20} />
            </label>
          </fieldset>
          <label className="inline">
            <input name="saturdayMorning" type="checkbox" defaultChecked={s.saturdayMorning} />
            {t('dossiers.settings.saturday')}
          </label>
          <label>
            {t('dossiers.settings.hours')}
            <input name="counterHours" defaultValue={s.counterHours} required />
          </label>
          <label>
            {t('dossiers.settings.slotMinutes')}
            <input name="slotMinutes" type="number" min={5} max={240} defaultValue={s.slotMinutes} />
          </label>
          <label>
            {t('dossiers.settings.capacity')}
            <input name="slotCapacity" type="number" min={1} max={100} defaultValue={s.slotCapacity} />
          </label>
          <fieldset>
            <legend>{t('dossiers.settings.noAppointment')}</legend>
            {weekdays.map((w, i) => (
              <label key={w} className="inline">
                <input
                  type="checkbox"
                  name="noAppointment"
                  value={i}
                  defaultChecked={s.noAppointmentWeekdays.includes(i)}
                />
                {w}
              </label>
            ))}
          </fieldset>
          <label>
            {t('dossiers.settings.closedDays')}
            <textarea
              name="closedDays"
              rows={3}
              defaultValue={s.closedDays.map((d) => formatDate(d, 'vi')).join('\n')}
            />
          </label>
          <label>
            {t('dossiers.settings.bankTitle')}
            <input name="bankName" maxLength={60} defaultValue={s.bankName ?? ''} />
          </label>
          <label>
            {t('dossiers.settings.bankBin')}
            <input name="bankBin" inputMode="numeric" pattern="\d{6}" defaultValue={s.bankBin ?? ''} />
          </label>
          <label>
            {t('dossiers.settings.bankAccount')}
            <input name="bankAccount" defaultValue={s.bankAccount ?? ''} />
          </label>
          <label>
            {t('dossiers.settings.bankName')}
            <input name="bankAccountName" defaultValue={s.bankAccountName ?? ''} />
          </label>
          <fieldset>
            <legend>{t('dossiers.settings.cashless')}</legend>
            {weekdays.map((w, i) => (
              <label key={w} className="inline">
                <input type="checkbox" name="cashless" value={i} defaultChecked={s.cashlessWeekdays.includes(i)} />
                {w}
              </label>
            ))}
          </fieldset>
          <NoticeLine notice={notice} />
          <button className="primary" type="submit">
            {t('common.save')}
          </button>
        </form>
      )}
      {unitId !== undefined && <DocumentSettings key={unitId} unitId={unitId} />}
    </section>
  );
}
