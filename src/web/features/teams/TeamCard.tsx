import { type FormEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useUnits } from '../units/api.js';
import { type Member, MemberRow } from './MemberRow.js';

export type Team = {
  id: number;
  unitId: number;
  unitName: string;
  name: string;
  decisionRef: string | null;
  mayGiveLogins: boolean;
  members: Member[];
  pastMembers: {
    id: number;
    fullName: string;
    role: Member['role'];
    joinedOn: string;
    leftOn: string;
    removedBy: string | null;
  }[];
};

/** A team's card: its members (who has no login stands out), adding one, and the members who have left. */
export function TeamCard({ team, manage }: { team: Team; manage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const below = useUnits(team.unitId).data ?? [];
  const [error, setError] = useState<string | null>(null);
  const without = team.members.filter((m) => !m.canSignIn).length;
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const d = new FormData(form);
    setError(null);
    try {
      await api(`/api/teams/${team.id}/members`, {
        method: 'POST',
        body: {
          fullName: d.get('fullName'),
          role: d.get('role'),
          phone: String(d.get('phone') ?? '').trim() || undefined,
          skills: String(d.get('skills') ?? '')
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        },
      });
      form.reset();
      await client.invalidateQueries({ queryKey: ['teams'] });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <article className="card" data-testid="team">
      <h2>{team.name}</h2>
      <p className="muted">
        {team.unitName}
        {team.decisionRef ? ` · ${t('teams.decision')} ${team.decisionRef}` : ''}
      </p>
      {without > 0 && <p className="muted">{t('teams.without', { count: without })}</p>}
      <ul>
        {team.members.map((m) => (
          <MemberRow
            key={m.id}
            teamId={team.id}
            member={m}
            units={below}
            manage={manage}
            mayGiveLogin={team.mayGiveLogins}
          />
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {manage && (
        <form className="actions" onSubmit={(e) => void add(e)}>
          <input
            name="fullName"
            required
            minLength={2}
            placeholder={t('teams.fullName')}
            aria-label={t('teams.fullName')}
          />
          <select name="role" aria-label={t('teams.role')}>
            {(['MEMBER', 'DEPUTY', 'HEAD'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`teams.role_.${r}`)}
              </option>
            ))}
          </select>
          <input name="phone" type="tel" placeholder={t('teams.phone')} aria-label={t('teams.phone')} />
          <input name="skills" placeholder={t('teams.skills')} aria-label={t('teams.skills')} />
          <button type="submit">{t('teams.addMember')}</button>
        </form>
      )}
      {team.pastMembers.length > 0 && (
        <details data-testid="past-members">
          <summary>
            {t('teams.past')} ({team.pastMembers.length})
          </summary>
          <ul>
            {team.pastMembers.map((p) => (
              <li key={p.id}>
                {t('teams.pastLine', {
                  name: p.fullName,
                  role: t(`teams.role_.${p.role}`),
                  from: formatDate(p.joinedOn),
                  to: formatDate(p.leftOn),
                })}
                {p.removedBy ? ` · ${t('teams.removedBy', { name: p.removedBy })}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
