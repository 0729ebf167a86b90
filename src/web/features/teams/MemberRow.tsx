import { type FormEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { foldText } from '../../../shared/text.js';
import { NoticeLine, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import type { Unit } from '../units/api.js';

export type Member = {
  id: number;
  fullName: string;
  role: 'HEAD' | 'DEPUTY' | 'MEMBER';
  skills: string[];
  hasPhone: boolean;
  userId: number | null;
  username: string | null;
  canSignIn: boolean;
  unitId: number | null;
  unitName: string | null;
  version: number;
};

const ROLES = ['MEMBER', 'DEPUTY', 'HEAD'] as const;

/** "Trần Minh Đức" → "tranminhduc": a username suggestion the person can change. */
const suggestUsername = (name: string) => foldText(name).replace(/[^a-z0-9]/g, '');

/**
 * One member on their team's card: who they are and whether they can sign in, with edit, remove and (for a role that
 * may create accounts on the team's unit) give-a-login in place.
 */
export function MemberRow({
  teamId,
  member: m,
  units,
  manage,
  mayGiveLogin,
}: {
  teamId: number;
  member: Member;
  /** The team's unit and the units below it, where a member can work. */
  units: Unit[];
  manage: boolean;
  mayGiveLogin: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { notice, run } = useNotice();
  const [mode, setMode] = useState<'view' | 'edit' | 'login'>('view');
  const url = `/api/teams/${teamId}/members/${m.id}`;
  const refresh = () => client.invalidateQueries({ queryKey: ['teams'] });

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const phone = String(d.get('phone') ?? '').trim();
    const unit = Number(d.get('unitId'));
    void run(async () => {
      await api(url, {
        method: 'PATCH',
        body: {
          version: m.version,
          fullName: String(d.get('fullName')).trim(),
          role: d.get('role'),
          ...(phone ? { phone } : {}),
          skills: String(d.get('skills') ?? '')
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
          unitId: unit || null,
        },
      });
      setMode('view');
      await refresh();
      return t('teams.saved');
    });
  };
  const remove = () => {
    const question = m.userId === null ? 'teams.removeConfirm' : 'teams.removeConfirmLogin';
    if (!window.confirm(t(question, { name: m.fullName, username: m.username }))) return;
    void run(async () => {
      await api(url, { method: 'DELETE' });
      await refresh();
      return t('teams.removed', { name: m.fullName });
    });
  };
  const giveLogin = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    void run(async () => {
      const made = await api<{ username: string; password: string | null; sentTo: string | null }>(`${url}/login`, {
        method: 'POST',
        body: { username: String(d.get('username')).trim(), handover: d.get('handover') },
      });
      setMode('view');
      await refresh();
      return made.password
        ? t('teams.passwordOnce', { username: made.username, password: made.password })
        : t('teams.smsSent', { username: made.username, ending: made.sentTo });
    });
  };

  return (
    <li data-testid="member">
      <span>
        {m.fullName} · {t(`teams.role_.${m.role}`)}
        {m.unitName ? ` · ${m.unitName}` : ''}
        {m.skills.length ? ` · ${m.skills.join(', ')}` : ''}
      </span>{' '}
      {m.username === null ? (
        <span className="badge late">{t('teams.noLogin')}</span>
      ) : (
        <span className="badge">
          {m.canSignIn
            ? t('teams.login', { username: m.username })
            : t('teams.loginDisabled', { username: m.username })}
        </span>
      )}
      {mode === 'view' && (manage || (mayGiveLogin && m.userId === null)) && (
        <span className="actions">
          {manage && (
            <button type="button" className="link" onClick={() => setMode('edit')}>
              {t('teams.edit')}
            </button>
          )}
          {manage && (
            <button type="button" className="link" onClick={remove}>
              {t('teams.remove')}
            </button>
          )}
          {mayGiveLogin && m.userId === null && (
            <button type="button" onClick={() => setMode('login')}>
              {t('teams.giveLogin')}
            </button>
          )}
        </span>
      )}
      {mode === 'edit' && (
        <form onSubmit={save} aria-label={t('teams.edit')}>
          <label>
            {t('teams.fullName')}
            <input name="fullName" required minLength={2} defaultValue={m.fullName} />
          </label>
          <label>
            {t('teams.role')}
            <select name="role" defaultValue={m.role}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`teams.role_.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('teams.phone')}
            <input name="phone" type="tel" placeholder={m.hasPhone ? t('teams.phoneKeep') : ''} />
          </label>
          <label>
            {t('teams.skills')}
            <input name="skills" defaultValue={m.skills.join(', ')} />
          </label>
          <label>
            {t('teams.workUnit')}
            <select name="unitId" defaultValue={m.unitId ?? 0}>
              <option value={0}>{t('teams.sameAsTeam')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <p className="actions">
            <button type="submit" className="primary">
              {t('teams.save')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('teams.cancel')}
            </button>
          </p>
        </form>
      )}
      {mode === 'login' && (
        <form onSubmit={giveLogin} aria-label={t('teams.giveLogin')}>
          <label>
            {t('teams.username')}
            <input
              name="username"
              required
              minLength={3}
              pattern="[a-zA-Z0-9._\-]+"
              defaultValue={suggestUsername(m.fullName)}
            />
          </label>
          <label>
            {t('teams.handover')}
            <select name="handover" defaultValue="PASSWORD">
              <option value="PASSWORD">{t('teams.handover_.PASSWORD')}</option>
              {m.hasPhone && <option value="SMS">{t('teams.handover_.SMS')}</option>}
            </select>
          </label>
          <p className="actions">
            <button type="submit" className="primary">
              {t('teams.createLogin')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('teams.cancel')}
            </button>
          </p>
        </form>
      )}
      <NoticeLine notice={notice} />
    </li>
  );
}
