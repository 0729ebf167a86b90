import { formatNumber } from '../../lib/format.js';
import type { FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { useUnits } from '../units/api.js';
import { useStaffGroups } from './api.js';
import { JoinRequests } from './JoinRequests.js';

type Rate = { unitId: number; name: string; households: number; members: number; rate: number };
const kinds = ['GROUP_HEADS', 'PARTY_CELLS', 'ASSOCIATION', 'OTHER'] as const;

/**
 * `/groups`: how many households joined each group's channel (the poster to print beside it), the requests to join
 * waiting for confirmation, and the staff groups.
 */
export function GroupsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rates = useQuery({
    queryKey: ['group-rates'],
    queryFn: () => api<{ items: Rate[] }>('/api/groups/membership'),
  });
  const staff = useStaffGroups();
  const root = useUnits().data?.[0];
  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const d = new FormData(form);
    await api('/api/staff-groups', {
      method: 'POST',
      body: { unitId: root!.id, name: String(d.get('name')), kind: d.get('kind') },
    });
    form.reset();
    await client.invalidateQueries({ queryKey: ['staff-groups'] });
  }
  async function add(event: FormEvent<HTMLFormElement>, groupId: number) {
    event.preventDefault();
    const form = event.currentTarget;
    const d = new FormData(form);
    const opt = (k: string) => String(d.get(k) ?? '').trim() || undefined;
    await api(`/api/staff-groups/${groupId}/members`, {
      method: 'POST',
      body: { fullName: String(d.get('fullName')), title: opt('title'), phone: opt('phone'), email: opt('email') },
    });
    form.reset();
    await client.invalidateQueries({ queryKey: ['staff-groups'] });
  }
  return (
    <section>
      <h1>{t('announcements.groups.title')}</h1>
      <QueryState isLoading={rates.isLoading} error={rates.error} />
      <table className="table" data-testid="group-rates">
        <thead>
          <tr>
            <th />
            <th>{t('announcements.groups.households')}</th>
            <th>{t('announcements.groups.members')}</th>
            <th>{t('announcements.groups.rate')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rates.data?.items.map((g) => (
            <tr key={g.unitId}>
              <td>{g.name}</td>
              <td>{g.households}</td>
              <td>{g.members}</td>
              <td>{formatNumber(g.rate)}%</td>
              <td>
                <a href={`/api/groups/${g.unitId}/poster.pdf`} target="_blank" rel="noreferrer">
                  {t('announcements.groups.poster')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <JoinRequests />
      <h2>{t('announcements.groups.staff')}</h2>
      {staff.data?.items.map((g) => (
        <div key={g.id} className="card">
          <strong>{g.name}</strong> · {t(`announcements.groups.kind_.${g.kind}`)}
          <ul>
            {g.members.map((m) => (
              <li key={m.id}>
                {m.fullName}
                {m.title ? ` · ${m.title}` : ''}
              </li>
            ))}
          </ul>
          <form className="actions" onSubmit={(e) => void add(e, g.id)}>
            <input
              name="fullName"
              required
              minLength={2}
              placeholder={t('announcements.groups.fullName')}
              aria-label={t('announcements.groups.fullName')}
            />
            <input
              name="title"
              placeholder={t('announcements.groups.role')}
              aria-label={t('announcements.groups.role')}
            />
            <input
              name="phone"
              type="tel"
              placeholder={t('announcements.groups.phone')}
              aria-label={t('announcements.groups.phone')}
            />
            <input
              name="email"
              type="email"
              placeholder={t('announcements.groups.email')}
              aria-label={t('announcements.groups.email')}
            />
            <button type="submit">{t('announcements.groups.addMember')}</button>
          </form>
        </div>
      ))}
      <form className="card" onSubmit={(e) => void create(e)}>
        <label>
          {t('announcements.groups.staffName')}
          <input name="name" required minLength={2} />
        </label>
        <label>
          {t('announcements.groups.kind')}
          <select name="kind">
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`announcements.groups.kind_.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!root}>
          {t('announcements.groups.newStaff')}
        </button>
      </form>
    </section>
  );
}
