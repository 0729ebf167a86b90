import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';
import { useLogout, useMe } from './useMe.js';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const logout = useLogout();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({
    mutationFn: () =>
      api('/api/auth/password', { method: 'POST', body: { currentPassword: current, newPassword: next } }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <section>
      <h1>{t('auth.account.title')}</h1>
      <p>
        {me?.user.fullName} ({me?.user.username})
      </p>
      <ul>
        {me?.roles.map((r) => (
          <li key={`${r.role}${r.unitId}`}>
            {t(`role.${r.role}`)} — {r.unitName}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="card">
        <h2>{t('auth.account.changePassword')}</h2>
        <label>
          {t('auth.account.current')}
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
        <label>
          {t('auth.account.next')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={10}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            required
          />
        </label>
        {change.isError && (
          <p role="alert" className="error">
            {messageOf(change.error)}
          </p>
        )}
        {change.isSuccess && (
          <p role="status" className="ok">
            {t('auth.account.changed')}
          </p>
        )}
        <button type="submit" className="primary" disabled={change.isPending}>
          {t('common.save')}
        </button>
      </form>
      <button type="button" onClick={() => logout.mutate(true)}>
        {t('nav.logoutEverywhere')}
      </button>
    </section>
  );
}
