import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Relation, ResidenceType } from '../../../shared/enums.js';
import { api } from '../../lib/api.js';
import { formatBirthDate, formatDate, vietnamDay } from '../../lib/format.js';
import { ActionForm } from './ActionForm.js';
import { type HouseholdDetail, useRegistryAction } from './api.js';
import { HouseholdPicker } from './HouseholdPicker.js';

// People joining and leaving a household: a newcomer (or a boarding-house tenant), a birth, a death, a move out.

/** `onDone(result)` after a change was saved, `onDone()` on cancel. */
type FormProps = { h: HouseholdDetail; onDone: (result?: unknown) => void };
const living = (h: HouseholdDetail) => h.members.filter((m) => !m.leftOn);

/** A person moving in (from outside the commune, or added to the record); a tenant when `tenant` is set. */
export function AddMemberForm({ h, onDone, tenant }: FormProps & { tenant?: boolean }) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    fullName: '',
    birthDate: '',
    gender: 'MALE',
    // The first person added to a new household is usually its head; after that, the form can't guess.
    relation: tenant ? 'TENANT' : h.headResidentId ? 'OTHER' : 'HEAD',
    residenceType: tenant ? 'TEMPORARY' : 'PERMANENT',
    joinedOn: vietnamDay(),
    cameFrom: '',
  });
  const action = useRegistryAction(() => '/api/residents', onDone);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <ActionForm
      title={tenant ? t('households.act.addTenant') : t('households.act.addMember')}
      confirmText={() =>
        t('households.act.confirmAdd', {
          name: f.fullName,
          address: h.address,
          date: formatDate(f.joinedOn),
          relation: t(`relation.${f.relation as Relation}`),
          residence: t(`residence.${f.residenceType as ResidenceType}`),
        })
      }
      onConfirm={() =>
        action.mutate({
          ...f,
          householdId: h.id,
          householdVersion: h.version,
          cameFrom: f.cameFrom.trim() || undefined,
        })
      }
      onCancel={() => onDone()}
      pending={action.isPending}
      error={action.error}
    >
      <PersonFields f={f} set={set} />
      <label>
        {t('households.relation')}
        <select value={f.relation} onChange={set('relation')}>
          {Object.values(Relation).map((r) => (
            <option key={r} value={r}>
              {t(`relation.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('households.residence')}
        <select value={f.residenceType} onChange={set('residenceType')}>
          {Object.values(ResidenceType).map((r) => (
            <option key={r} value={r}>
              {t(`residence.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tenant ? t('households.act.arrivedOn') : t('households.act.joinedOn')}
        <input type="date" value={f.joinedOn} onChange={set('joinedOn')} required />
      </label>
      <label>
        {t('households.act.cameFrom')}
        <input value={f.cameFrom} onChange={set('cameFrom')} maxLength={200} />
      </label>
    </ActionForm>
  );
}

function PersonFields({
  f,
  set,
}: {
  f: { fullName: string; birthDate: string; gender: string };
  set: (k: 'fullName' | 'birthDate' | 'gender') => (e: { target: { value: string } }) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('residents.fullName')}
        <input value={f.fullName} onChange={set('fullName')} required minLength={2} maxLength={120} />
      </label>
      <label>
        {t('residents.birthDate')}
        <input type="date" value={f.birthDate} onChange={set('birthDate')} required />
      </label>
      <label>
        {t('residents.gender')}
        <select value={f.gender} onChange={set('gender')}>
          <option value="MALE">{t('gender.MALE')}</option>
          <option value="FEMALE">{t('gender.FEMALE')}</option>
        </select>
      </label>
    </>
  );
}

/** A birth: the child joins the household; the birth date may be known only to the month or the year. */
export function BirthForm({ h, onDone }: FormProps) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    fullName: '',
    birthDate: vietnamDay(),
    gender: 'MALE',
    relation: 'CHILD',
    joinedOn: '',
  });
  const [precision, setPrecision] = useState<'DAY' | 'MONTH' | 'YEAR'>('DAY');
  const action = useRegistryAction(() => `/api/households/${h.id}/births`, onDone);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const partial = precision === 'DAY' ? f.birthDate : f.birthDate.slice(0, precision === 'MONTH' ? 7 : 4);
  return (
    <ActionForm
      title={t('households.act.birth')}
      confirmText={() =>
        t('households.act.confirmBirth', {
          name: f.fullName,
          date: formatBirthDate(partial),
          address: h.address,
          relation: t(`relation.${f.relation as Relation}`),
        })
      }
      onConfirm={() =>
        action.mutate({
          version: h.version,
          fullName: f.fullName,
          birthDate: partial,
          gender: f.gender,
          relation: f.relation,
          joinedOn: f.joinedOn || undefined,
        })
      }
      onCancel={() => onDone()}
      pending={action.isPending}
      error={action.error}
    >
      <PersonFields f={f} set={set} />
      <label>
        {t('households.act.birthPrecision')}
        <select value={precision} onChange={(e) => setPrecision(e.target.value as typeof precision)}>
          {(['DAY', 'MONTH', 'YEAR'] as const).map((p) => (
            <option key={p} value={p}>
              {t(`households.act.precision${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('households.relation')}
        <select value={f.relation} onChange={set('relation')}>
          {(['CHILD', 'GRANDCHILD', 'OTHER'] as const).map((r) => (
            <option key={r} value={r}>
              {t(`relation.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('households.act.joinedOn')}
        <input type="date" value={f.joinedOn} onChange={set('joinedOn')} required={precision !== 'DAY'} />
        <span className="muted">{t('households.act.birthHint')}</span>
      </label>
    </ActionForm>
  );
}

/** Who heads the household after the head leaves: offered only when the person leaving is the head. */
function NewHeadSelect({
  h,
  leaving,
  value,
  onChange,
}: {
  h: HouseholdDetail;
  leaving: number;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const staying = living(h).filter((m) => m.residentId !== leaving);
  if (h.headResidentId !== leaving || staying.length === 0) return null;
  return (
    <label>
      {t('households.act.newHead')}
      <select value={value} onChange={(e) => onChange(e.target.value)} required>
        <option value="">{t('households.act.none')}</option>
        {staying.map((m) => (
          <option key={m.residentId} value={m.residentId}>
            {m.fullName}
          </option>
        ))}
      </select>
    </label>
  );
}

function PersonSelect({ h, value, onChange }: { h: HouseholdDetail; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('households.act.person')}
      <select value={value} onChange={(e) => onChange(e.target.value)} required>
        <option value="">{t('households.act.none')}</option>
        {living(h).map((m) => (
          <option key={m.residentId} value={m.residentId}>
            {m.fullName}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Asks the person's current version (the API checks it) right before sending. */
async function personVersion(id: number) {
  return (await api<{ version: number }>(`/api/residents/${id}`)).version;
}

/** A death: the person leaves with reason DIED; a head's household passes to the member picked here. */
export function DeathForm({ h, onDone }: FormProps) {
  const { t } = useTranslation();
  const [who, setWho] = useState('');
  const [diedOn, setDiedOn] = useState(vietnamDay());
  const [newHead, setNewHead] = useState('');
  const action = useRegistryAction(() => `/api/residents/${who}/death`, onDone);
  const nameOf = (id: string) => h.members.find((m) => String(m.residentId) === id)?.fullName ?? '';
  return (
    <ActionForm
      title={t('households.act.death')}
      confirmText={() =>
        [
          t('households.act.confirmDeath', { name: nameOf(who), date: formatDate(diedOn), address: h.address }),
          newHead && String(h.headResidentId) === who
            ? t('households.act.confirmNewHead', { name: nameOf(newHead) })
            : '',
        ]
          .filter(Boolean)
          .join(' ')
      }
      onConfirm={async () => {
        const version = await personVersion(Number(who));
        action.mutate({
          version,
          diedOn,
          newHeadResidentId: newHead && String(h.headResidentId) === who ? Number(newHead) : undefined,
        });
      }}
      onCancel={() => onDone()}
      pending={action.isPending}
      error={action.error}
    >
      <PersonSelect h={h} value={who} onChange={setWho} />
      <label>
        {t('households.act.diedOn')}
        <input type="date" value={diedOn} onChange={(e) => setDiedOn(e.target.value)} required />
      </label>
      {who && <NewHeadSelect h={h} leaving={Number(who)} value={newHead} onChange={setNewHead} />}
    </ActionForm>
  );
}

/** Moving out: to another household in the commune, or away (a place written as said); a tenant's departure too. */
export function MoveOutForm({ h, onDone }: FormProps) {
  const { t } = useTranslation();
  const boarding = h.kind === 'BOARDING_HOUSE';
  const [who, setWho] = useState('');
  const [within, setWithin] = useState(false);
  const [target, setTarget] = useState<{ id: number; address: string } | null>(null);
  const [f, setF] = useState({
    on: vietnamDay(),
    place: '',
    reason: boarding ? t('households.act.reasonTenant') : t('households.act.reasonDefault'),
    newHead: '',
  });
  const action = useRegistryAction(() => `/api/residents/${who}/${within ? 'move' : 'leave'}`, onDone);
  const nameOf = (id: string) => h.members.find((m) => String(m.residentId) === id)?.fullName ?? '';
  const newHeadId = f.newHead && String(h.headResidentId) === who ? Number(f.newHead) : undefined;
  const sentence = () =>
    [
      within
        ? t('households.act.confirmMove', {
            name: nameOf(who),
            from: h.address,
            to: target?.address ?? '',
            date: formatDate(f.on),
          })
        : t('households.act.confirmLeave', {
            name: nameOf(who),
            place: f.place || '—',
            date: formatDate(f.on),
            reason: f.reason,
            address: h.address,
          }),
      newHeadId ? t('households.act.confirmNewHead', { name: nameOf(f.newHead) }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  return (
    <ActionForm
      title={t('households.act.moveOut')}
      confirmText={sentence}
      onConfirm={async () => {
        const version = await personVersion(Number(who));
        action.mutate(
          within
            ? { householdId: target?.id, movedOn: f.on, version, newHeadResidentId: newHeadId }
            : {
                leftOn: f.on,
                reason: f.reason,
                wentTo: f.place.trim() || undefined,
                version,
                newHeadResidentId: newHeadId,
              },
        );
      }}
      onCancel={() => onDone()}
      pending={action.isPending}
      error={action.error}
    >
      <PersonSelect h={h} value={who} onChange={setWho} />
      <fieldset>
        <legend>{t('households.act.destination')}</legend>
        <label className="inline">
          <input type="radio" checked={!within} onChange={() => setWithin(false)} /> {t('households.act.outside')}
        </label>
        <label className="inline">
          <input type="radio" checked={within} onChange={() => setWithin(true)} /> {t('households.act.withinCommune')}
        </label>
      </fieldset>
      {within ? (
        <HouseholdPicker exclude={h.id} selected={target} onPick={setTarget} />
      ) : (
        <>
          <label>
            {t('households.act.place')}
            <input value={f.place} onChange={(e) => setF({ ...f, place: e.target.value })} maxLength={200} />
          </label>
          <label>
            {t('households.act.reason')}
            <input value={f.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} required maxLength={300} />
          </label>
        </>
      )}
      <label>
        {t('households.act.movedOn')}
        <input type="date" value={f.on} onChange={(e) => setF({ ...f, on: e.target.value })} required />
      </label>
      {who && (
        <NewHeadSelect h={h} leaving={Number(who)} value={f.newHead} onChange={(v) => setF({ ...f, newHead: v })} />
      )}
    </ActionForm>
  );
}
