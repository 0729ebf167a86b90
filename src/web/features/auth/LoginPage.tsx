import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/api.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useLogin } from './useMe.js';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password });
  };
  return (
    <main className="login">
      <div className="card">
        <h1>{t('app.name')}</h1>
        <p className="muted">{t('app.tagline')}</p>
        <form onSubmit={submit}>
          <label>
            {t('auth.login.username')}
            <input
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              autoCapitalize="none"
            />
          </label>
          <label>
            {t('auth.login.password')}
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </label>
          {login.isError && (
            <p role="alert" className="error">
              {messageOf(login.error)}
            </p>
          )}
          <button type="submit" className="primary" disabled={login.isPending}>
            {login.isPending ? t('auth.login.busy') : t('auth.login.submit')}
          </button>
        </form>
        <LanguageSwitch />
      </div>
    </main>
  );
}
