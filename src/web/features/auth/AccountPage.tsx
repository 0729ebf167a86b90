import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';
import { useLogout, useMe } from './useMe.js';
import { type ContactBody, ContactForm } from '../users/ContactForm.js';

type OwnContact = { email: string | null; phone: string | null; version: number };

/** The person's own email and phone, in full, where reminders reach them. */
function MyContact() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const heading = useId();
  const contact = useQuery({ queryKey: ['me', 'contact'], queryFn: () => api<OwnContact>('/api/auth/contact') });
  const save = useMutation({
    mutationFn: (body: ContactBody) =>
      api<OwnContact>('/api/auth/contact', { method: 'PUT', body: { ...body, version: contact.data!.version } }),
    onSuccess: (saved) => client.setQueryData(['me', 'contact'], saved),
  });
  if (!contact.data) return null;
  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>{t('users.contact.title')}</h2>
      <ContactForm
        key={contact.data.version}
        current={contact.data}
        masked={false}
        saving={save.isPending}
        onSave={(body, errors) =>
          save.mutate(body, { onError: (error) => errors.fromError(error, ['email', 'phone']) })
        }
      />
      {save.isSuccess && (
        <p role="status" className="ok">
          {t('common.saved')}
        </p>
      )}
    </section>
  );
}

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
      <MyContact />
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
