import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatBirthDate, formatDate, formatDateTime } from '../../lib/format.js';
import { can, useMe } from '../auth/useMe.js';
import { ActionForm } from './ActionForm.js';
import { type RegistryChange, useHistory, useRegistryAction } from './api.js';

/** One history line, as a sentence, with dates written the Vietnamese way. */
export function useDescribe() {
  const { t } = useTranslation();
  return (c: RegistryChange) => {
    const s = c.summary;
    const text = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v));
    const params = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, text(v)]));
    params.date = c.kind === 'BIRTH' ? formatBirthDate(text(s.date)) : formatDate(text(s.date));
    // A correction names the fields changed, never their values (no phone or ID number in the history).
    if (c.kind === 'CORRECT' && Array.isArray(s.fields))
      params.fields = s.fields
        .map((f) => t(`households.history.field_.${f}` as 'households.history.field_.phone'))
        .join(', ');
    const variant =
      c.kind === 'ADD_MEMBER' && s.from
        ? 'ADD_MEMBER_from'
        : c.kind === 'DEATH' && s.newHead
          ? 'DEATH_head'
          : c.kind === 'LEAVE' && s.to
            ? 'LEAVE_to'
            : c.kind;
    return t(`households.history.${variant}` as 'households.history.BIRTH', params);
  };
}

/**
 * The changes made by hand to a household (or a person), newest first, with who and when; the latest one that
 * nothing has touched since can be undone here, after a confirmation naming it.
 */
export function HouseholdHistory({ about }: { about: { household: number } | { resident: number } }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data } = useHistory(about);
  const describe = useDescribe();
  const [undoing, setUndoing] = useState<RegistryChange | null>(null);
  const undo = useRegistryAction(
    () => {
      const household = 'household' in about ? about.household : undoing!.householdIds[0];
      return `/api/households/${household}/changes/${undoing!.id}/undo`;
    },
    () => setUndoing(null),
  );
  const mayUndo = can(me, 'household.write') && can(me, 'resident.write');
  // Why the newest change still in force cannot be undone (an edit made elsewhere since); older lines need no note.
  const newestInForce = data?.find((c) => !c.undoneAt)?.id;
  return (
    <section aria-label={t('households.history.title')}>
      <h2>{t('households.history.title')}</h2>
      {data && data.length === 0 && <p className="muted">{t('households.history.empty')}</p>}
      {undoing && (
        <ActionForm
          key={undoing.id}
          title={t('households.history.undo')}
          confirmText={() => t('households.act.confirmUndo', { what: describe(undoing) })}
          onConfirm={() => undo.mutate(undefined)}
          onCancel={() => setUndoing(null)}
          pending={undo.isPending}
          error={undo.error}
          direct
        >
          {null}
        </ActionForm>
      )}
      <ol className="timeline" data-testid="registry-history">
        {data?.map((c) => (
          <li key={c.id}>
            <span className={c.undoneAt ? 'undone' : undefined}>{describe(c)}</span>
            <div className="muted">
              {c.by ?? '—'} · {formatDateTime(c.at)}
              {c.undoneAt &&
                ` · ${t('households.history.undone', { who: c.undoneBy ?? '—', when: formatDateTime(c.undoneAt) })}`}
            </div>
            {'household' in about &&
              c.householdIds
                .filter((id) => id !== about.household)
                .map((id) => (
                  <div key={id}>
                    <Link href={`/households/${id}`}>{t('households.history.other')}</Link>
                  </div>
                ))}
            {mayUndo && c.id === newestInForce && c.undoBlocked === 'LATER_CHANGE' && (
              <div className="muted">{t('households.history.laterChange')}</div>
            )}
            {mayUndo && c.undoBlocked === null && (
              <button type="button" onClick={() => setUndoing(c)}>
                {t('households.history.undo')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
