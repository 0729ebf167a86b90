import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../lib/form-errors.js';

export type ContactBody = { email?: string | null; phone?: string | null };

/**
 * A staff account's email and phone, where feedback reminders reach the person. `current` fills the boxes (the
 * person's own, in full) or, for a manager who sees them masked, shows what is on file as a hint: an empty box then
 * keeps it and "clear" removes it. The shared field checks run before sending; the server's refusals land under the
 * box they are about.
 */
export function ContactForm({
  current,
  masked,
  saving,
  onSave,
}: {
  current: { email: string | null; phone: string | null };
  /** The values are masked: boxes start empty (empty = unchanged) and offer to clear what is on file. */
  masked: boolean;
  saving: boolean;
  onSave: (body: ContactBody, errors: ReturnType<typeof useFormErrors>) => void;
}) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const [email, setEmail] = useState(masked ? '' : (current.email ?? ''));
  const [phone, setPhone] = useState(masked ? '' : (current.phone ?? ''));
  const [clear, setClear] = useState({ email: false, phone: false });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!errors.check({ email: { value: email, rule: 'email' }, phone: { value: phone, rule: 'phone' } })) return;
    const body: ContactBody = {};
    for (const [key, value] of [
      ['email', email.trim()],
      ['phone', phone.trim()],
    ] as const) {
      if (masked) {
        if (clear[key]) body[key] = null;
        else if (value) body[key] = value;
      } else body[key] = value || null;
    }
    onSave(body, errors);
  };
  const box = (key: 'email' | 'phone') => (
    <label>
      {t(`users.contact.${key}`)}
      <input
        type={key === 'email' ? 'email' : 'tel'}
        inputMode={key === 'email' ? 'email' : 'tel'}
        autoComplete={key === 'email' ? 'email' : 'tel'}
        value={key === 'email' ? email : phone}
        placeholder={masked ? (current[key] ?? '') : key === 'email' ? 'ten@xa.gov.vn' : '0912 345 678'}
        disabled={clear[key]}
        onChange={(e) => {
          (key === 'email' ? setEmail : setPhone)(e.target.value);
          errors.clear(key);
        }}
        {...errors.props(key)}
      />
      {errors.message(key)}
      {masked && current[key] && (
        <span className="check">
          <input
            type="checkbox"
            checked={clear[key]}
            onChange={(e) => setClear({ ...clear, [key]: e.target.checked })}
          />{' '}
          {t(`users.contact.clear_${key}`)}
        </span>
      )}
    </label>
  );
  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">{t(masked ? 'users.contact.hintManager' : 'users.contact.hint')}</p>
      {box('email')}
      {box('phone')}
      {errors.summary()}
      <button type="submit" className="primary" disabled={saving}>
        {t('common.save')}
      </button>
    </form>
  );
}
