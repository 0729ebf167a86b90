import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/useMe.js';
import type { HouseholdDetail } from './api.js';
import { HeadForm, MergeForm, RelocateForm, SplitForm } from './HouseholdForms.js';
import { AddMemberForm, BirthForm, DeathForm, MoveOutForm } from './MemberForms.js';

const forms = {
  addMember: AddMemberForm,
  addTenant: (p: { h: HouseholdDetail; onDone: (result?: unknown) => void }) => <AddMemberForm {...p} tenant />,
  birth: BirthForm,
  death: DeathForm,
  moveOut: MoveOutForm,
  head: HeadForm,
  relocate: RelocateForm,
  split: SplitForm,
  merge: MergeForm,
} as const;
type Action = keyof typeof forms;

/**
 * What can be recorded for this household, each opening its form; shown only to a role that may write both
 * households and people (the server refuses the others), and not for a closed household.
 */
export function HouseholdActions({ h }: { h: HouseholdDetail }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [open, setOpen] = useState<Action | null>(null);
  const [saved, setSaved] = useState(false);
  if (!can(me, 'household.write') || !can(me, 'resident.write') || h.dissolvedOn) return null;
  const living = h.members.filter((m) => !m.leftOn).length;
  const offered: Action[] =
    h.kind === 'BOARDING_HOUSE'
      ? ['addTenant', 'moveOut', 'addMember', 'head', 'relocate']
      : ['addMember', 'birth', 'death', 'moveOut', 'head', 'relocate', 'split', 'merge'];
  const needsPeople: Action[] = ['death', 'moveOut', 'head', 'split'];
  const Form = open ? forms[open] : null;
  return (
    <section aria-label={t('households.act.title')}>
      <p className="actions wrap">
        {offered
          .filter((a) => living > (a === 'split' ? 1 : 0) || !needsPeople.includes(a))
          .map((a) => (
            <button
              key={a}
              type="button"
              aria-pressed={open === a}
              onClick={() => {
                setOpen(a);
                setSaved(false);
              }}
            >
              {t(`households.act.${a}`)}
            </button>
          ))}
      </p>
      {saved && (
        <p className="confirm" role="status">
          {t('households.act.done')}
        </p>
      )}
      {Form && open && (
        <Form
          key={open}
          h={h}
          onDone={(result?: unknown) => {
            setOpen(null);
            setSaved(result !== undefined);
          }}
        />
      )}
    </section>
  );
}
