import { type FormEvent, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDate, vietnamDay } from '../../lib/format.js';
import { useUnits } from '../units/api.js';
import { can, useMe } from '../auth/useMe.js';
import type { SupportPoint } from './SupportPoints.js';
import { type Team, TeamCard } from './TeamCard.js';

type Duty = { id: number; day: string; shift: 'MORNING' | 'AFTERNOON' | 'EVENING'; memberName: string };

/** `/teams`: the digital-technology teams, the counter's duty roster for the coming week, and the support points. */
export function TeamsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe().data;
  const units = useUnits().data ?? [];
  const root = units[0];
  const groups = useUnits(root?.tier === 'COMMUNE' ? root.id : undefined).data ?? [];
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api<{ items: Team[] }>('/api/teams') });
  const points = useQuery({
    queryKey: ['support-points'],
    queryFn: () => api<{ items: SupportPoint[] }>('/api/support-points'),
  });
  const duty = useQuery({
    queryKey: ['duty', root?.id],
    enabled: !!root,
    queryFn: () => api<{ items: Duty[] }>(`/api/duty?unitId=${root!.id}&from=${vietnamDay(0)}&to=${vietnamDay(6)}`),
  });
  const [error, setError] = useState<string | null>(null);
  // Founding a team, the roster and support points are the managers' (team.manage); a team member only reads them.
  const manage = can(me, 'team.manage');
  const submit =
    (path: string, body: (d: FormData) => unknown, keys: string[]) => async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      setError(null);
      try {
        await api(path, { method: 'POST', body: body(new FormData(form)) });
        form.reset();
        for (const k of keys) await client.invalidateQueries({ queryKey: [k] });
      } catch (e) {
        setError(messageOf(e));
      }
    };
  const opt = (d: FormData, k: string) => String(d.get(k) ?? '').trim() || undefined;
  const everyone = (teams.data?.items ?? []).flatMap((team) => team.members.map((m) => ({ ...m, team: team.name })));
  return (
    <section>
      <h1>{t('teams.title')}</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <QueryState isLoading={teams.isLoading} error={teams.error} />
      {teams.data?.items.map((team) => (
        <TeamCard key={team.id} team={team} manage={manage} />
      ))}
      {manage && (
        <form
          className="card"
          onSubmit={(e) =>
            void submit(
              '/api/teams',
              (d) => ({ unitId: Number(d.get('unitId')), name: d.get('name'), decisionRef: opt(d, 'decisionRef') }),
              ['teams'],
            )(e)
          }
        >
          <h2>{t('teams.new')}</h2>
          <label>
            {t('teams.unit')}
            <select name="unitId">
              {[...(root ? [root] : []), ...groups].map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('teams.name')}
            <input name="name" required minLength={2} />
          </label>
          <label>
            {t('teams.decision')}
            <input name="decisionRef" placeholder="125/QĐ-UBND ngày 02/3/2025" />
          </label>
          <button type="submit" className="primary" disabled={!root}>
            {t('teams.create')}
          </button>
        </form>
      )}

      <h2>{t('teams.duty')}</h2>
      <ul data-testid="duty">
        {duty.data?.items.map((d) => (
          <li key={d.id}>
            {formatDate(d.day)} · {t(`teams.shift_.${d.shift}`)} · {d.memberName}
          </li>
        ))}
      </ul>
      {manage && (
        <form
          className="actions"
          onSubmit={(e) =>
            void submit(
              '/api/duty',
              (d) => ({
                unitId: root!.id,
                day: d.get('day'),
                shift: d.get('shift'),
                memberId: Number(d.get('memberId')),
              }),
              ['duty'],
            )(e)
          }
        >
          <input name="day" type="date" required defaultValue={vietnamDay(0)} aria-label={t('teams.day')} />
          <select name="shift" aria-label={t('teams.shift')}>
            {(['MORNING', 'AFTERNOON', 'EVENING'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`teams.shift_.${s}`)}
              </option>
            ))}
          </select>
          <select name="memberId" aria-label={t('teams.member')}>
            {everyone.map((m) => (
              <option key={m.id} value={m.id}>
                {m.fullName} ({m.team})
              </option>
            ))}
          </select>
          <button type="submit" disabled={!root || everyone.length === 0}>
            {t('teams.addDuty')}
          </button>
        </form>
      )}

      <h2>{t('teams.points')}</h2>
      <ul>
        {points.data?.items.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> · {p.address} · {p.hours}
            {p.services ? ` · ${p.services}` : ''}
          </li>
        ))}
      </ul>
      {manage && (
        <form
          className="card"
          onSubmit={(e) =>
            void submit(
              '/api/support-points',
              (d) => ({
                unitId: Number(d.get('unitId')),
                name: d.get('name'),
                address: d.get('address'),
                hours: d.get('hours'),
                services: opt(d, 'services'),
              }),
              ['support-points'],
            )(e)
          }
        >
          <label>
            {t('teams.unit')}
            <select name="unitId">
              {[...(root ? [root] : []), ...groups].map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('teams.pointName')}
            <input name="name" required minLength={2} />
          </label>
          <label>
            {t('teams.address')}
            <input name="address" required minLength={3} />
          </label>
          <label>
            {t('teams.hours')}
            <input name="hours" required minLength={3} placeholder="18:00–21:00, thứ Hai đến thứ Sáu" />
          </label>
          <label>
            {t('teams.services')}
            <input name="services" />
          </label>
          <button type="submit" disabled={!root}>
            {t('teams.addPoint')}
          </button>
        </form>
      )}
    </section>
  );
}
