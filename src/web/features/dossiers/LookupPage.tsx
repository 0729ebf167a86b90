import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { useFormErrors } from '../../lib/form-errors.js';

/** Looking a dossier up without the link: its code and the last 4 digits of the phone given. */
export function LookupPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  const [phone, setPhone] = useState('');
  const errors = useFormErrors({ code: 'code', phoneLast4: 'phone' });
  async function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const rules = {
      code: { value: code, required: true },
      phone: { value: phone, required: true, rule: 'phoneLast4' as const },
    };
    if (!errors.check(rules)) return;
    try {
      const query = new URLSearchParams({ code: code.trim(), phoneLast4: phone.trim() });
      const found = await api<{ token: string }>(`/api/public/dossier-lookup?${query}`);
      navigate(`/s/${found.token}`);
    } catch (e) {
      errors.fromError(e, Object.keys(rules));
    }
  }
  return (
    <form className="card" onSubmit={find} noValidate>
      <h1>{t('dossiers.track.lookupTitle')}</h1>
      <label>
        {t('dossiers.track.lookupCode')}
        <input
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          minLength={5}
          maxLength={60}
          autoComplete="off"
          {...errors.props('code')}
        />
        {errors.message('code')}
      </label>
      <label>
        {t('dossiers.track.lookupPhone')}
        <input
          name="phone"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          required
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
          {...errors.props('phone')}
        />
        {errors.message('phone')}
      </label>
      {errors.summary()}
      <button className="primary" type="submit">
        {t('dossiers.track.lookupSend')}
      </button>
    </form>
  );
}
