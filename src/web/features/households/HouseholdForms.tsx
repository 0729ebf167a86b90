import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Relation } from '../../../shared/enums.js';
import { api } from '../../lib/api.js';
import { formatDate, vietnamDay } from '../../lib/format.js';
import { UnitTree } from '../units/UnitTree.js';
import type { Unit } from '../units/api.js';
import { ActionForm } from './ActionForm.js';
import { type HouseholdDetail, useRegistryAction } from './api.js';
import { HouseholdPicker } from './HouseholdPicker.js';

// The household as a whole: a new head, a new address or group, splitting some members off, merging into another.

/** `onDone(result)` after a change was saved, `onDone()` on cancel. */
type FormProps = { h: HouseholdDetail; onDone: (result?: unknown) => void };
const living = (h: HouseholdDetail) => h.members.filter((m) => !m.leftOn);
const nameIn = (h: HouseholdDetail, id: string | number | null) =>
  h.members.find((m) => String(m.residentId) === String(id))?.fullName ?? '—';

export function HeadForm({ h, onDone }: FormProps) {
  const { t } = useTranslation();
  const [who, setWho] = useState('');
  const [formerRelation, setFormerRelation] = useState('OTHER');
  const action = useRegistryAction(() => `/api/households/${h.id}/head`, onDone);
  return (
    <ActionForm
      title={t('households.act.head')}
      confirmText={() =>
        t('households.act.confirmHead', { address: h.address, from: h.headName ?? '—', to: nameIn(h, who) })
      }
      onConfirm={() =>
        action.mutate({ version: h.version, residentId: Number(who), formerHeadRelation: formerRelation })
      }
      onCancel={() => onDone()}
      pending={action.isPending}
      error={action.error}
    >
      <label>
        {t('households.act.newHead')}
        <select value={who} onChange={(e) => setWho(e.target.value)} required>
          <option value="">{t('households.act.none')}</option>
          {living(h)
            .filter((m) => m.residentId !== h.headResidentId)
            .map((m) => (
              <option key={m.residentId} value={m.residentId}>
                {m.fullName}
              </option>
            ))}
        </select>
      </label>
      {h.headResidentId && (
        <label>
          {t('households.act.formerHeadRelation')}
          <select value={formerRelation} onChange={(e) => setFormerRelation(e.target.value)}>
            {Object.values(Relation)
              .filter((r) => r !== 'HEAD')
              .map((r) => (
                <option key={r} value={r}>
                  {t(`relation.${r}`)}
                </option>
              ))}
          </select>
        </label>
      )}
    </ActionForm>
  );
}

/** A group or alley picked in the tree (households sit in those, not in a commune). */
function UnitPick({ label, unit, onPick }: { label: string; unit: Unit | null; onPick: (u: Unit) => void }) {
  return (
    <fieldset>
      <legend>{label}</legend>
      {unit && <p className="confirm">{unit.name}</p>}
      <UnitTree
        onSelect={(u) => (u.tier === 'COMMUNITY' || u.tier === 'ZONE' ? onPick(u) : undefined)}
        selected={unit?.id}
      />
    </fieldset>
  );
}

export function RelocateForm({ h, onDone }: FormProps) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(h.address);
  const [unit, setUnit] = useState<Unit | null>(null);
  const action = useRegistryAction(() => `/api/households/${h.id}/relocate`, onDone);
  return (
    <ActionForm
      title={t('households.act.relocate')}
      confirmText={() =>
        t('households.act.confirmRelocate', {
          count: living(h).length,
          address,
          unit: unit?.name ?? h.unitName,
        })
      }
      onConfirm={() => action.mutate({ version: h.version, address, unitId: unit?.id })}
      onCancel={() => onDone()}
      pending={action.isPending}
      error={action.error}
    >
      <label>
        {t('households.act.newAddress')}
        <input value={address} onChange={(e) => setAddress(e.target.value)} required minLength={3} maxLength={300} />
      </label>
      <UnitPick label={t('households.act.newUnit')} unit={unit} onPick={setUnit} />
    </ActionForm>
  );
}

export function SplitForm({ h, onDone }: FormProps) {
  const { t } = useTranslation();
  const [who, setWho] = useState<number[]>([]);
  const [head, setHead] = useState('');
  const [remainingHead, setRemainingHead] = useState('');
  const [address, setAddress] = useState('');
  const [on, setOn] = useState(vietnamDay());
  const action = useRegistryAction(() => `/api/households/${h.id}/split`, onDone);
  const leaving = living(h).filter((m) => who.includes(m.residentId));
  const staying = living(h).filter((m) => !who.includes(m.residentId));
  const headLeaves = h.headResidentId !== null && who.includes(h.headResidentId);
  return (
    <ActionForm
      title={t('households.act.split')}
      confirmText={() =>
        t('households.act.confirmSplit', {
          names: leaving.map((m) => m.fullName).join(', '),
          address,
          date: formatDate(on),
          head: nameIn(h, head),
        })
      }
      onConfirm={() =>
        action.mutate({
          version: h.version,
          residentIds: who,
          headResidentId: Number(head),
          remainingHeadResidentId: headLeaves && remainingHead ? Number(remainingHead) : undefined,
          address,
          on,
        })
      }
      onCancel={() => onDone()}
      pending={action.isPending}
      error={action.error}
    >
      <fieldset>
        <legend>{t('households.act.splitWho')}</legend>
        {living(h).map((m) => (
          <label key={m.residentId} className="inline">
            <input
              type="checkbox"
              checked={who.includes(m.residentId)}
              onChange={(e) =>
                setWho(e.target.checked ? [...who, m.residentId] : who.filter((x) => x !== m.residentId))
              }
            />{' '}
            {m.fullName}
          </label>
        ))}
      </fieldset>
      <label>
        {t('households.act.newHead')}
        <select value={head} onChange={(e) => setHead(e.target.value)} required>
          <option value="">{t('households.act.none')}</option>
          {leaving.map((m) => (
            <option key={m.residentId} value={m.residentId}>
              {m.fullName}
            </option>
          ))}
        </select>
      </label>
      {headLeaves && staying.length > 0 && (
        <label>
          {t('households.act.remainingHead')}
          <select value={remainingHead} onChange={(e) => setRemainingHead(e.target.value)} required>
            <option value="">{t('households.act.none')}</option>
            {staying.map((m) => (
              <option key={m.residentId} value={m.residentId}>
                {m.fullName}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('households.act.newAddress')}
        <input value={address} onChange={(e) => setAddress(e.target.value)} required minLength={3} maxLength={300} />
      </label>
      <label>
        {t('households.act.on')}
        <input type="date" value={on} onChange={(e) => setOn(e.target.value)} required />
      </label>
    </ActionForm>
  );
}

export function MergeForm({ h, onDone }: FormProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<{ id: number; address: string } | null>(null);
  const [on, setOn] = useState(vietnamDay());
  // Each person's relation to the receiving household's head: asked, never carried over (it was to another head).
  const [relations, setRelations] = useState<Record<number, string>>({});
  const action = useRegistryAction(() => `/api/households/${h.id}/merge`, onDone);
  const people = living(h);
  return (
    <ActionForm
      title={t('households.act.merge')}
      confirmText={() =>
        `${t('households.act.confirmMerge', {
          count: people.length,
          from: h.address,
          to: target?.address ?? '—',
          date: formatDate(on),
        })} ${people.map((m) => `${m.fullName}: ${t(`relation.${relations[m.residentId] as Relation}`)}`).join('; ')}.`
      }
      onConfirm={async () => {
        if (!target) return;
        // The other household's version as of now: the server refuses the merge if it changes before it lands.
        const into = await api<{ version: number }>(`/api/households/${target.id}`);
        action.mutate({
          version: h.version,
          intoHouseholdId: target.id,
          intoVersion: into.version,
          on,
          relations: people.map((m) => ({ residentId: m.residentId, relation: relations[m.residentId] })),
        });
      }}
      onCancel={() => onDone()}
      pending={action.isPending}
      error={action.error}
    >
      <HouseholdPicker exclude={h.id} selected={target} onPick={setTarget} />
      <fieldset>
        <legend>{t('households.act.mergeRelations')}</legend>
        {people.map((m) => (
          <label key={m.residentId}>
            {m.fullName}
            <select
              required
              value={relations[m.residentId] ?? ''}
              onChange={(e) => setRelations({ ...relations, [m.residentId]: e.target.value })}
            >
              <option value="">{t('households.act.pickRelation')}</option>
              {Object.values(Relation)
                .filter((r) => r !== 'HEAD')
                .map((r) => (
                  <option key={r} value={r}>
                    {t(`relation.${r}`)}
                  </option>
                ))}
            </select>
          </label>
        ))}
      </fieldset>
      <label>
        {t('households.act.on')}
        <input type="date" value={on} onChange={(e) => setOn(e.target.value)} required />
      </label>
    </ActionForm>
  );
}
