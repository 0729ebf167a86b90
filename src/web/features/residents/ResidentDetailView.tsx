import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState } from '../../components/Status.js';
import { formatBirthDate, formatDate, formatPhone } from '../../lib/format.js';
import { can, useMe } from '../auth/useMe.js';
import { useState } from 'react';
import { HouseholdHistory } from '../households/HouseholdHistory.js';
import { type Revealed, useResident, useReveal } from './api.js';
import { ResidentEdit } from './ResidentEdit.js';

/**
 * The ID number and phone, masked as in lists and the field app; a role allowed to see them in full asks for it, and
 * each time is recorded in the audit log.
 */
function Contact({
  resident,
}: {
  resident: { id: number; personalIdMasked: string | null; phoneMasked: string | null };
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const reveal = useReveal(resident.id);
  const shown: Revealed | undefined = reveal.data;
  const canReveal = can(me, 'resident.unmask') && (resident.personalIdMasked || resident.phoneMasked);
  return (
    <>
      <dt>{t('residents.personalId')}</dt>
      <dd>{shown ? (shown.personalId ?? '—') : (resident.personalIdMasked ?? '—')}</dd>
      <dt>{t('residents.phone')}</dt>
      <dd>
        {shown?.phone ? <a href={`tel:${shown.phone}`}>{formatPhone(shown.phone)}</a> : (resident.phoneMasked ?? '—')}
        {canReveal && !shown && (
          <p className="actions">
            <button type="button" onClick={() => reveal.mutate()} disabled={reveal.isPending}>
              {t('residents.reveal')}
            </button>
            <span className="muted">{t('residents.revealNote')}</span>
          </p>
        )}
      </dd>
    </>
  );
}

export function ResidentDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data: r, isLoading, error } = useResident(id);
  const { data: me } = useMe();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!r) return <QueryState isLoading={isLoading} error={error} />;
  return (
    <article>
      <h1>{r.fullName}</h1>
      {can(me, 'resident.write') &&
        (editing ? (
          <ResidentEdit
            r={r}
            onDone={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
          />
        ) : (
          <p className="actions">
            <button
              type="button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('residents.edit.open')}
            </button>
          </p>
        ))}
      {saved && <NoticeLine notice={{ ok: true, text: t('residents.edit.saved') }} />}
      <dl className="facts">
        <dt>{t('residents.birthDate')}</dt>
        <dd>{formatBirthDate(r.birthDate)}</dd>
        <dt>{t('residents.gender')}</dt>
        <dd>{t(`gender.${r.gender}`)}</dd>
        <Contact resident={r} />
        <dt>{t('vneid.label')}</dt>
        <dd>
          {t(`vneid.${r.vneidLevel}`)}
          {r.vneidCheckedOn ? ` (${t('residents.checkedOn', { date: formatDate(r.vneidCheckedOn) })})` : ''}
        </dd>
        <dt>{t('residents.smartphone')}</dt>
        <dd>{r.hasSmartphone === null ? t('common.unknown') : r.hasSmartphone ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('residents.unit')}</dt>
        <dd>{r.unitName}</dd>
        <dt>{t('residents.address')}</dt>
        <dd>{r.householdId ? <Link href={`/households/${r.householdId}`}>{r.address}</Link> : '—'}</dd>
        {r.tags.length > 0 && (
          <>
            <dt>{t('residents.tags')}</dt>
            <dd>
              {r.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {r.sensitive && (
        <section className="card sensitive">
          <h2>{t('residents.sensitive')}</h2>
          <dl className="facts">
            <dt>{t('residents.ethnicity')}</dt>
            <dd>{r.sensitive.ethnicity ?? '—'}</dd>
            <dt>{t('residents.health')}</dt>
            <dd>{r.sensitive.healthNotes ?? '—'}</dd>
          </dl>
        </section>
      )}
      <h2>{t('residents.memberships')}</h2>
      <ol className="timeline">
        {r.memberships.map((m) => (
          <li key={m.id}>
            <Link href={`/households/${m.householdId}`}>{m.address}</Link> — {t(`relation.${m.relation}`)},{' '}
            {t(`residence.${m.residenceType}`)}
            <div className="muted">
              {m.joinedOn ? t('residents.since', { date: formatDate(m.joinedOn) }) : t('residents.sinceUnknown')}{' '}
              {m.leftOn ? t('residents.until', { date: formatDate(m.leftOn) }) : t('residents.now')}
              {m.leftReason ? ` · ${m.leftReason === 'DIED' ? t('households.died') : m.leftReason}` : ''}
              {m.cameFrom ? ` · ← ${m.cameFrom}` : ''}
              {m.wentTo ? ` · → ${m.wentTo}` : ''}
            </div>
          </li>
        ))}
      </ol>
      <HouseholdHistory about={{ resident: r.id }} />
    </article>
  );
}
