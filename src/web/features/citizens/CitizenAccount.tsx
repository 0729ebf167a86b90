import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { api, messageOf, setCsrfToken } from '../../lib/api.js';
import { formatDateTime, formatPhone } from '../../lib/format.js';
import { type FieldRule, useFormErrors } from '../../lib/form-errors.js';
import { OnlyVietnamese } from '../../components/OnlyVietnamese.js';
import { type CitizenMe, citizenKey, useCitizen } from './useCitizen.js';

/** `/me`: sign in or open an account (phone proven by an SMS code), then one's own dossiers. */
export function CitizenAccount() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useCitizen();
  const [error, setError] = useState<string | null>(null);
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const signedIn = (data: CitizenMe) => {
    setCsrfToken(data.csrfToken);
    client.setQueryData(citizenKey(), data);
  };
  // Each form its own errors, shown beside its own fields.
  const signInErrors = useFormErrors();
  const signUpErrors = useFormErrors();
  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  /** Checks `rules` with the form's errors, then sends; a refusal goes beside the fields. */
  const send = async (
    errors: ReturnType<typeof useFormErrors>,
    rules: Record<string, FieldRule>,
    work: () => Promise<void>,
  ) => {
    if (!errors.check(rules)) return;
    try {
      await work();
    } catch (e) {
      errors.fromError(e, Object.keys(rules));
    }
  };
  const text = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? '').trim();

  if (me.data) {
    return (
      <section>
        <h1>{t('citizens.account')}</h1>
        <p>
          {me.data.citizen.fullName} · {formatPhone(me.data.citizen.phone)}
        </p>
        <h2>{t('citizens.myDossiers')}</h2>
        {me.data.dossiers.length === 0 && <p className="muted">{t('citizens.noDossiers')}</p>}
        {me.data.dossiers.some((d) => d.procedureNameFallback) && (
          <OnlyVietnamese text={t('procedures.someNamesOnlyVietnamese')} />
        )}
        <ul className="cards" data-testid="my-dossiers">
          {me.data.dossiers.map((d) => (
            <li key={d.code}>
              <Link href={`/s/${d.token}`} className="card link">
                <strong>{d.code}</strong>
                <span lang={d.procedureNameFallback ? 'vi' : undefined}>{d.procedureName}</span>
                <span className="muted">
                  {formatDateTime(d.submittedAt)} · {t(`dossiers.status.${d.status}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              await api('/api/public/citizens/logout', { method: 'POST' });
              client.removeQueries({ queryKey: ['citizen'] });
              client.setQueryData(citizenKey(), null);
            })
          }
        >
          {t('citizens.signOut')}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }
  return (
    <section>
      <h1>{t('citizens.account')}</h1>
      <p className="muted">{t('citizens.hint')}</p>
      <form
        className="card"
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault();
          const f = e.currentTarget;
          const rules = {
            phone: { value: text(f, 'phone'), required: true, rule: 'phone' as const },
            password: { value: String(new FormData(f).get('password') ?? ''), required: true },
          };
          void send(signInErrors, rules, async () =>
            signedIn(
              await api<CitizenMe>('/api/public/citizens/login', {
                method: 'POST',
                body: { phone: text(f, 'phone'), password: String(new FormData(f).get('password')) },
              }),
            ),
          );
        }}
        noValidate
      >
        <h2>{t('citizens.signIn')}</h2>
        <label>
          {t('citizens.phone')}
          <input
            name="phone"
            type="tel"
            required
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            {...signInErrors.props('phone')}
          />
          {signInErrors.message('phone')}
        </label>
        <label>
          {t('citizens.password')}
          <input
            name="password"
            type="password"
            required
            autoComplete="current-password"
            {...signInErrors.props('password')}
          />
          {signInErrors.message('password')}
        </label>
        {signInErrors.summary()}
        <button className="primary" type="submit">
          {t('citizens.signIn')}
        </button>
      </form>
      <form
        className="card"
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault();
          const f = e.currentTarget;
          const rules: Record<string, FieldRule> = codeSentTo
            ? {
                code: { value: text(f, 'code'), required: true, rule: 'confirmCode' },
                fullName: { value: text(f, 'fullName'), required: true },
                personalId: { value: text(f, 'personalId'), required: true, rule: 'personalId' },
                password: { value: String(new FormData(f).get('password') ?? ''), required: true },
              }
            : { phone: { value: text(f, 'phone'), required: true, rule: 'phone' } };
          void send(signUpErrors, rules, async () => {
            if (!codeSentTo) {
              await api('/api/public/citizens/code', { method: 'POST', body: { phone: text(f, 'phone') } });
              setCodeSentTo(text(f, 'phone'));
              return;
            }
            signedIn(
              await api<CitizenMe>('/api/public/citizens', {
                method: 'POST',
                body: {
                  phone: codeSentTo,
                  code: text(f, 'code'),
                  fullName: text(f, 'fullName'),
                  personalId: text(f, 'personalId'),
                  password: String(new FormData(f).get('password')),
                },
              }),
            );
          });
        }}
        noValidate
      >
        <h2>{t('citizens.signUp')}</h2>
        <label>
          {t('citizens.phone')}
          <input
            name="phone"
            type="tel"
            required
            inputMode="tel"
            maxLength={20}
            readOnly={!!codeSentTo}
            {...signUpErrors.props('phone')}
          />
          {signUpErrors.message('phone')}
        </label>
        {codeSentTo && (
          <>
            <p className="ok" role="status">
              {t('citizens.codeSent', { phone: codeSentTo })}
            </p>
            <label>
              {t('citizens.code')}
              <input
                name="code"
                required
                inputMode="numeric"
                maxLength={6}
                autoComplete="one-time-code"
                {...signUpErrors.props('code')}
              />
              {signUpErrors.message('code')}
            </label>
            <label>
              {t('dossiers.submit.fullName')}
              <input
                name="fullName"
                required
                minLength={2}
                maxLength={120}
                autoComplete="name"
                {...signUpErrors.props('fullName')}
              />
              {signUpErrors.message('fullName')}
            </label>
            <label>
              {t('dossiers.submit.personalId')}
              <input
                name="personalId"
                required
                inputMode="numeric"
                maxLength={12}
                autoComplete="off"
                {...signUpErrors.props('personalId')}
              />
              {signUpErrors.message('personalId')}
            </label>
            <label>
              {t('citizens.newPassword')}
              <input
                name="password"
                type="password"
                required
                minLength={10}
                autoComplete="new-password"
                {...signUpErrors.props('password')}
              />
              {signUpErrors.message('password')}
            </label>
          </>
        )}
        {signUpErrors.summary()}
        <button className="primary" type="submit">
          {codeSentTo ? t('citizens.create') : t('citizens.sendCode')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
