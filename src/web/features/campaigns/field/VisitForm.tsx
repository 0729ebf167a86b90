import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { VisitOutcome } from '../../../../shared/enums.js';
import { normalizePhone } from '../../../../shared/phone.js';
import { queueVisit, type FieldHousehold, type FieldPack, type Outcome, type VisitPersonInput } from './store.js';
import { syncNow } from './sync.js';

const OUTCOMES = Object.values(VisitOutcome);

type PersonDraft = { checks: string[]; outcome: Outcome | ''; vneidLevel: string; phone: string };

/**
 * One visit to a household: how it went, per person what was ticked and changed, a note. Saved on the device first
 * (with an id made now), then sent whenever there is a network.
 */
export function VisitForm({ pack, household }: { pack: FieldPack & { userId: number }; household: FieldHousehold }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const c = pack.campaign;
  const personal = c.level === 'PERSON';
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [bestTime, setBestTime] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<number, PersonDraft>>(() =>
    Object.fromEntries(
      household.people.map((p, i) => [
        i,
        { checks: [...p.checks], outcome: '', vneidLevel: p.vneidLevel ?? '', phone: '' },
      ]),
    ),
  );
  const setDraft = (i: number, change: Partial<PersonDraft>) =>
    setDrafts({ ...drafts, [i]: { ...drafts[i]!, ...change } });
  const outcomes = OUTCOMES.filter((o) => o !== 'VNEID_L2_ACTIVATED' || c.kind === 'VNEID_L2');

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!outcome) return setError(t('campaigns.field.chooseOutcome'));
    const people: VisitPersonInput[] = [];
    for (const [i, p] of household.people.entries()) {
      const d = drafts[i]!;
      const entry: VisitPersonInput = {
        residentId: p.residentId,
        checks: d.checks.filter((k) => !p.checks.includes(k)),
      };
      if (d.outcome) entry.outcome = d.outcome;
      if (p.residentId !== null && p.version !== null) {
        if (d.vneidLevel && d.vneidLevel !== p.vneidLevel)
          Object.assign(entry, { version: p.version, vneidLevel: d.vneidLevel });
        if (d.phone.trim()) {
          if (!normalizePhone(d.phone)) return setError(t('campaigns.field.badPhone', { name: p.fullName }));
          Object.assign(entry, { version: p.version, phone: d.phone.trim() });
        }
      }
      if (entry.checks.length || entry.outcome || entry.version !== undefined) people.push(entry);
    }
    await queueVisit(c.id, pack.userId, {
      id: crypto.randomUUID(),
      householdId: household.householdId,
      visitedAt: new Date().toISOString(),
      outcome,
      baseVersion: household.version,
      people,
      ...(outcome === 'NOT_HOME' && bestTime.trim() ? { bestTime: bestTime.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    void syncNow();
    navigate(`/field/${c.id}`);
  }

  return (
    <form className="card" onSubmit={(e) => void save(e)} data-testid="visit-form">
      <h1>{household.address}</h1>
      <p className="muted">
        {household.unitName}
        {household.bestTime ? ` · ${t('campaigns.field.bestTimeWas', { time: household.bestTime })}` : ''}
      </p>
      <fieldset className="outcomes">
        <legend>{t('campaigns.field.outcome')}</legend>
        {outcomes.map((o) => (
          <label key={o}>
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{' '}
            {t(`campaigns.field.outcomes.${o}`)}
          </label>
        ))}
      </fieldset>
      {outcome === 'NOT_HOME' && (
        <label>
          {t('campaigns.field.bestTime')}
          <input
            name="bestTime"
            value={bestTime}
            onChange={(e) => setBestTime(e.target.value)}
            maxLength={80}
            placeholder={t('campaigns.field.bestTimeHint')}
          />
        </label>
      )}
      {household.people.map((p, i) => {
        const d = drafts[i]!;
        return (
          <section key={p.residentId ?? 'household'} className="person" data-testid="visit-person">
            {personal && (
              <strong>
                {p.fullName}
                {p.birthYear ? ` (${p.birthYear})` : ''}
                {p.done ? ` · ${t('campaigns.field.alreadyDone')}` : ''}
              </strong>
            )}
            {c.checklist.map((item) => (
              <label key={item.key} className="actions">
                <input
                  type="checkbox"
                  checked={d.checks.includes(item.key)}
                  disabled={p.checks.includes(item.key)}
                  onChange={(e) =>
                    setDraft(i, {
                      checks: e.target.checked ? [...d.checks, item.key] : d.checks.filter((k) => k !== item.key),
                    })
                  }
                />{' '}
                {item.label}
              </label>
            ))}
            {personal && (
              <label>
                {t('campaigns.field.personOutcome')}
                <select value={d.outcome} onChange={(e) => setDraft(i, { outcome: e.target.value as Outcome | '' })}>
                  <option value="">{t('campaigns.field.sameAsVisit')}</option>
                  {outcomes.map((o) => (
                    <option key={o} value={o}>
                      {t(`campaigns.field.outcomes.${o}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {p.residentId !== null && c.fieldUpdates.includes('vneidLevel') && (
              <label>
                {t('campaigns.field.vneidLevel')}
                <select value={d.vneidLevel} onChange={(e) => setDraft(i, { vneidLevel: e.target.value })}>
                  {['NONE', 'L1', 'L2'].map((l) => (
                    <option key={l} value={l}>
                      {t(`campaigns.field.levels.${l}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {p.residentId !== null && c.fieldUpdates.includes('phone') && (
              <label>
                {t('campaigns.field.phone')}
                {p.phoneTail ? ` (${t('campaigns.field.phoneNow', { tail: p.phoneTail })})` : ''}
                <input
                  type="tel"
                  inputMode="tel"
                  value={d.phone}
                  onChange={(e) => setDraft(i, { phone: e.target.value })}
                  placeholder="09xx xxx xxx"
                />
              </label>
            )}
          </section>
        );
      })}
      <label>
        {t('campaigns.field.note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={3} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="actions">
        <button type="submit" className="primary">
          {t('campaigns.field.save')}
        </button>
        <button type="button" onClick={() => navigate(`/field/${c.id}`)}>
          {t('campaigns.field.cancel')}
        </button>
      </p>
    </form>
  );
}
