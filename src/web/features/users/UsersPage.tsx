import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../server/modules/users/users.schemas.js';
import { Role } from '../../../shared/enums.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { QueryState } from '../../components/Status.js';
import { UnitTree } from '../units/UnitTree.js';
import type { Unit } from '../units/api.js';
import { type ContactBody, ContactForm } from './ContactForm.js';

export function UsersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api<{ items: UserSummary[] }>('/api/users?limit=200') });
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });
  const update = useMutation({
    mutationFn: ({ id, disabled }: { id: number; disabled: boolean }) =>
      api(`/api/users/${id}`, { method: 'PATCH', body: { disabled } }),
    onSuccess: refresh,
  });
  const reset = useMutation({
    mutationFn: ({ id, newPassword }: { id: number; newPassword: string }) =>
      api(`/api/users/${id}/password`, { method: 'POST', body: { newPassword } }),
  });
  return (
    <section>
      <h1>{t('users.title')}</h1>
      <CreateUser onCreated={refresh} />
      <QueryState isLoading={users.isLoading} error={users.error} />
      {(update.isError || reset.isError) && (
        <p className="error" role="alert">
          {messageOf(update.error ?? reset.error)}
        </p>
      )}
      {reset.isSuccess && <p className="ok">{t('common.saved')}</p>}
      <ul className="cards">
        {users.data?.items.map((u) => (
          <li key={u.id} className="card">
            <strong>{u.fullName}</strong> <span className="muted">{u.username}</span>
            <span>{u.roles.map((r) => `${t(`role.${r.role}`)} — ${r.unitName}`).join('; ')}</span>
            <div className="muted">
              {u.email || u.phone ? [u.email, u.phone].filter(Boolean).join(' · ') : t('users.contact.none')}
            </div>
            <span>
              {u.disabled
                ? t('users.disabled')
                : u.lockedUntil
                  ? t('users.locked', { time: formatDateTime(u.lockedUntil) })
                  : t('users.active')}
            </span>
            <span className="actions">
              <button type="button" onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}>
                {u.disabled ? t('users.enable') : t('users.disable')}
              </button>
              <button
                type="button"
                onClick={() => {
                  const p = prompt(t('users.newPassword'));
                  if (p) reset.mutate({ id: u.id, newPassword: p });
                }}
              >
                {t('users.resetPassword')}
              </button>
            </span>
            <Rescope user={u} onDone={refresh} />
            <EditContact key={u.version} user={u} onDone={refresh} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The account's email and phone, shown masked: a box left empty keeps what is on file (the version guards races). */
function EditContact({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useMutation({
    mutationFn: (body: ContactBody) =>
      api(`/api/users/${user.id}`, { method: 'PATCH', body: { ...body, version: user.version } }),
    onSuccess: onDone,
  });
  return (
    <details>
      <summary>{t('users.contact.title')}</summary>
      <ContactForm
        current={user}
        masked
        saving={save.isPending}
        onSave={(body, errors) => {
          if (Object.keys(body).length === 0) return;
          save.mutate(body, { onError: (error) => errors.fromError(error, ['email', 'phone']) });
        }}
      />
    </details>
  );
}

/** Re-scope an account: replace its role and unit (its sessions end, so the change applies at once). */
function Rescope({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.roles[0]?.role ?? 'GROUP_HEAD');
  const [unit, setUnit] = useState<Unit | null>(null);
  const save = useMutation({
    mutationFn: () => api(`/api/users/${user.id}`, { method: 'PATCH', body: { roles: [{ role, unitId: unit!.id }] } }),
    onSuccess: onDone,
  });
  return (
    <details>
      <summary>{t('users.rescope')}</summary>
      <label>
        {t('users.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {Object.values(Role).map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <p>
        {t('users.unit')}: <strong>{unit?.name ?? '—'}</strong>
      </p>
      <UnitTree onSelect={setUnit} selected={unit?.id} />
      {save.isError && (
        <p className="error" role="alert">
          {messageOf(save.error)}
        </p>
      )}
      <button type="button" className="primary" disabled={!unit || save.isPending} onClick={() => save.mutate()}>
        {t('common.save')}
      </button>
    </details>
  );
}

function CreateUser({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ username: '', fullName: '', password: '', role: 'GROUP_HEAD' as Role });
  const [unit, setUnit] = useState<Unit | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api('/api/users', { method: 'POST', body: { ...form, roles: [{ role: form.role, unitId: unit!.id }] } }),
    onSuccess: () => {
      setForm({ username: '', fullName: '', password: '', role: 'GROUP_HEAD' });
      onCreated();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (unit) create.mutate();
  };
  const field = (key: 'username' | 'fullName' | 'password', type = 'text') => (
    <label>
      {t(`users.${key}`)}
      <input
        type={type}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        required
        minLength={key === 'password' ? 10 : 2}
      />
    </label>
  );
  return (
    <details className="card">
      <summary>{t('users.create')}</summary>
      <form onSubmit={submit}>
        {field('username')}
        {field('fullName')}
        {field('password', 'password')}
        <label>
          {t('users.role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {Object.values(Role).map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <p>
          {t('users.unit')}: <strong>{unit?.name ?? '—'}</strong>
        </p>
        <UnitTree onSelect={setUnit} selected={unit?.id} />
        {create.isError && (
          <p className="error" role="alert">
            {messageOf(create.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={!unit || create.isPending}>
          {t('common.create')}
        </button>
      </form>
    </details>
  );
}
