import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { OnlyVietnamese } from '../../components/OnlyVietnamese.js';
import { QueryState } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { type FieldRule, useFormErrors } from '../../lib/form-errors.js';
import { useSessionDraft } from '../../lib/useSessionDraft.js';
import { formatMoney } from '../../lib/format.js';
import { useCitizen } from '../citizens/useCitizen.js';
import { useProcedure, useProcedures } from '../procedures/api.js';
import { hasOwnText, procedureName } from '../procedures/names.js';
import { useCommunes, type SubmitResult } from './api.js';
import { ensureClientId } from './client-id.js';
import { type Boxes, PaperBoxes, paperBoxes, papersOf } from './PaperBoxes.js';

/** Which communes the form offers: any (a citizen online) or those the staff member serves (at the counter). */
function useTargets(mode: 'public' | 'counter') {
  const communes = useCommunes();
  const counter = useQuery({
    queryKey: ['counter-units'],
    queryFn: () => api<{ items: { id: number; code: string; name: string }[] }>('/api/dossiers/counter-units'),
    enabled: mode === 'counter',
  });
  return mode === 'counter' ? counter : communes;
}

/** The server's field paths → this form's field names. */
const aliases: Record<string, string> = {
  unitCode: 'unit',
  unitId: 'unit',
  'applicant.fullName': 'fullName',
  'applicant.personalId': 'personalId',
  'applicant.phone': 'phone',
  'applicant.email': 'email',
  'applicant.address': 'address',
};

/**
 * Submitting a dossier: online by a citizen (no account) or at the counter by staff on a citizen's behalf. Papers are
 * uploaded one by one as they are picked; the submission carries an idempotency key, so pressing "Nộp" again after a
 * dropped connection cannot create a second dossier. The key is this browser's own (its client id cookie, or the
 * signed-in account, or the staff member at the counter): nobody else's submission ever answers it.
 */
export function SubmitForm({ code, mode }: { code: string; mode: 'public' | 'counter' }) {
  const { t, i18n } = useTranslation();
  const procedure = useProcedure(code);
  const targets = useTargets(mode);
  // What was typed survives a failed submit and a reload (online only: at the counter it is someone else's data).
  const draft = useSessionDraft<Record<string, string>>(mode === 'public' ? `submit-draft:${code}` : null, {});
  const typed = draft.values;
  const unit = typed.unit ?? '';
  const setUnit = (v: string) => draft.set('unit', v);
  const returnMethod = typed.returnMethod || 'COUNTER';
  const setReturnMethod = (v: string) => draft.set('returnMethod', v);
  const [papers, setPapers] = useState<Boxes>({});
  const errors = useFormErrors(aliases);
  const [bundleWith, setBundleWith] = useState<string[]>([]);
  const [counterChannel, setCounterChannel] = useState<'IN_PERSON' | 'POSTAL'>('IN_PERSON');
  const catalog = useProcedures({});
  // A signed-in citizen submits as themselves: no applicant details to type (staff at the counter always type them).
  const citizen = useCitizen();
  const asCitizen = mode === 'public' ? (citizen.data ?? null) : null;
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SubmitResult | null>(null);
  // getRandomValues, not randomUUID: the latter needs HTTPS, and a commune laptop may serve plain HTTP on its LAN.
  const idempotencyKey = useMemo(
    () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''),
    [],
  );
  const p = procedure.data;
  const options = (targets.data?.items ?? []) as { id?: number; code: string; name: string }[];
  const chosen = unit || (options.length === 1 ? options[0]!.code : '');
  if (!p) return <QueryState isLoading={procedure.isLoading} error={procedure.error} />;
  const en = i18n.language === 'en';
  // A bundle asks each chosen procedure's own fields and papers too, each once: a field two procedures share (the
  // child's name) is typed once, a paper two ask for is one box.
  const linked = (catalog.data?.items ?? []).filter((o) => bundleWith.includes(o.code));
  const all = [p, ...linked];
  const formFields = [...new Map(all.flatMap((x) => x.formFields.map((f) => [f.key, f] as const))).values()];
  const boxes = paperBoxes(all);
  const attached = papersOf(boxes, papers, p.code);
  const channel = mode === 'counter' ? 'IN_PERSON' : 'ONLINE';
  // Each dossier of a bundle has its own fee: the applicant sees what all of them come to.
  const feeOf = (x: typeof p) =>
    (x.fees.find((f) => f.channel === channel) ?? x.fees.find((f) => f.channel === 'IN_PERSON'))?.amountVnd ?? 0;
  const fee = all.reduce((sum, x) => sum + feeOf(x), 0);

  const text = (name: string) => (typed[name] ?? '').trim();
  const bind = (name: string) => ({
    name,
    value: typed[name] ?? '',
    onChange: (e: { target: { value: string } }) => {
      draft.set(name, e.target.value);
      errors.clear(name);
    },
    ...errors.props(name),
  });
  // The checks before sending, with the server's codes: what is required, and the ID number's and phone's rules.
  const rules: Record<string, FieldRule> = {
    unit: { value: chosen, required: true },
    ...(asCitizen
      ? {}
      : {
          fullName: { value: text('fullName'), required: true },
          personalId: { value: text('personalId'), required: true, rule: 'personalId' },
          phone: { value: text('phone'), required: true, rule: 'phone' },
          email: { value: text('email'), rule: 'email' },
        }),
    ...Object.fromEntries(
      formFields.map((f) => [`field.${f.key}`, { value: text(`field.${f.key}`), required: f.required }]),
    ),
    ...(returnMethod === 'POST' ? { postalAddress: { value: text('postalAddress'), required: true } } : {}),
  };
  const labels: Record<string, string> = {
    unit: t('dossiers.submit.commune'),
    fullName: t('dossiers.submit.fullName'),
    personalId: t('dossiers.submit.personalId'),
    phone: t('dossiers.submit.phone'),
    postalAddress: t('dossiers.submit.postalAddress'),
    ...Object.fromEntries(formFields.map((f) => [`field.${f.key}`, en ? f.labelEn : f.labelVi])),
  };
  // What keeps the button from being pressed, said on the button: empty required fields, then papers not attached.
  const missing = [
    ...Object.entries(rules)
      .filter(([, r]) => r.required && !r.value.trim())
      .map(([name]) => labels[name] ?? name),
    ...attached.missing.map((b) => (en ? b.nameEn : b.nameVi)),
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = Object.fromEntries(formFields.map((f) => [f.key, text(`field.${f.key}`)]).filter(([, v]) => v));
    if (!errors.check(rules) || missing.length > 0) return;
    const target = options.find((o) => o.code === chosen);
    const body = {
      ...(mode === 'counter' ? { unitId: target?.id, channel: counterChannel } : { unitCode: chosen }),
      procedureCode: p!.code,
      ...(asCitizen
        ? {}
        : {
            applicant: {
              fullName: text('fullName'),
              personalId: text('personalId'),
              phone: text('phone'),
              ...(text('email') ? { email: text('email') } : {}),
              ...(text('address') ? { address: text('address') } : {}),
            },
          }),
      fields,
      returnMethod,
      ...(returnMethod === 'POST' ? { postalAddress: text('postalAddress') } : {}),
      uploads: attached.uploads,
      ...(mode === 'counter' ? { papersOnPaper: attached.papersOnPaper } : {}),
      bundleWith,
    };
    setBusy(true);
    errors.reset();
    if (mode === 'public') ensureClientId();
    try {
      const result = await api<SubmitResult>(mode === 'counter' ? '/api/dossiers' : '/api/public/dossiers', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      });
      draft.clear();
      setDone(result);
    } catch (e) {
      errors.fromError(
        e,
        Object.keys(rules),
        Object.fromEntries(formFields.map((f) => [`fields.${f.key}`, `field.${f.key}`])),
      );
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <section className="card" data-testid="submitted">
        <h1>{t('dossiers.submit.done')}</h1>
        <p>
          {t('dossiers.submit.yourCode')}:{' '}
          <strong className="code" data-testid="dossier-code">
            {done.code}
          </strong>
        </p>
        <p className="muted">{t('dossiers.submit.keepCode')}</p>
        {done.bundle.length > 0 && (
          <p>
            {t('dossiers.submit.bundleAlso')}: {done.bundle.map((b) => b.code).join(', ')}
          </p>
        )}
        <p className="actions">
          {/* Same origin whatever PUBLIC_URL says: the submitting browser's proof cookie goes with it. */}
          <a href={`/api/public/dossiers/${done.token}/forms/01`} target="_blank" rel="noreferrer">
            {t('dossiers.submit.receipt')}
          </a>
          <Link href={`/s/${done.token}`} data-testid="follow-link">
            {t('dossiers.submit.follow')}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <h1>
        {mode === 'counter'
          ? t('dossiers.submit.onBehalf')
          : t('dossiers.submit.title', { name: procedureName(p, i18n.language).name })}
      </h1>
      {mode === 'counter' && (
        <>
          <p>
            <strong>{procedureName(p, i18n.language).name}</strong> ({p.code})
          </p>
          <div className="actions" role="radiogroup">
            {(['IN_PERSON', 'POSTAL'] as const).map((c) => (
              <label key={c} className="inline">
                <input
                  type="radio"
                  name="channel"
                  checked={counterChannel === c}
                  onChange={() => setCounterChannel(c)}
                />
                {t(`dossiers.channel.${c}`)}
              </label>
            ))}
          </div>
        </>
      )}
      <label>
        {t('dossiers.submit.commune')}
        <select {...errors.props('unit')} name="unit" value={chosen} onChange={(e) => setUnit(e.target.value)} required>
          <option value="">{t('dossiers.submit.chooseCommune')}</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
        {errors.message('unit')}
      </label>
      {asCitizen ? (
        <p className="ok">{t('citizens.submittingAs', { name: asCitizen.citizen.fullName })}</p>
      ) : (
        <fieldset>
          <legend>{t('dossiers.submit.applicant')}</legend>
          {mode === 'public' && (
            <p className="muted">
              <Link href="/me">{t('citizens.signIn')}</Link> — {t('citizens.hint')}
            </p>
          )}
          <label>
            {t('dossiers.submit.fullName')}
            <input {...bind('fullName')} required minLength={2} maxLength={120} autoComplete="name" />
            {errors.message('fullName')}
          </label>
          <label>
            {t('dossiers.submit.personalId')}
            <input {...bind('personalId')} required inputMode="numeric" maxLength={12} autoComplete="off" />
            {errors.message('personalId')}
          </label>
          <label>
            {t('dossiers.submit.phone')}
            <input {...bind('phone')} type="tel" required inputMode="tel" autoComplete="tel" maxLength={20} />
            {errors.message('phone')}
          </label>
          <label>
            {t('dossiers.submit.email')}
            <input {...bind('email')} type="email" autoComplete="email" maxLength={200} />
            {errors.message('email')}
          </label>
          <label>
            {t('dossiers.submit.address')}
            <input {...bind('address')} maxLength={300} autoComplete="street-address" />
          </label>
        </fieldset>
      )}
      {p.bundle && (
        <fieldset>
          <legend>{t('dossiers.submit.bundleAlso')}</legend>
          {(catalog.data?.items ?? [])
            .filter((o) => o.bundle === p.bundle && o.code !== p.code)
            .map((o) => (
              <label key={o.code} className="inline">
                <input
                  type="checkbox"
                  checked={bundleWith.includes(o.code)}
                  onChange={(e) =>
                    setBundleWith((b) => (e.target.checked ? [...b, o.code] : b.filter((c) => c !== o.code)))
                  }
                />
                {procedureName(o, i18n.language).name}
              </label>
            ))}
        </fieldset>
      )}
      {formFields.length > 0 && (
        <fieldset>
          <legend>{t('dossiers.submit.details')}</legend>
          {/* The commune enters these labels and the papers' names in Vietnamese and English only. */}
          {!hasOwnText(i18n.language) && <OnlyVietnamese />}
          {formFields.map((f) => (
            // biome-ignore lint/a11y/noLabelWithoutControl: the label wraps a textarea or an input, chosen below
            <label key={f.key}>
              <span lang={hasOwnText(i18n.language) ? undefined : 'vi'}>{en ? f.labelEn : f.labelVi}</span>
              {f.type === 'textarea' ? (
                <textarea {...bind(`field.${f.key}`)} required={f.required} maxLength={2000} rows={3} />
              ) : (
                <input
                  {...bind(`field.${f.key}`)}
                  type={f.type === 'date' ? 'date' : 'text'}
                  required={f.required}
                  maxLength={2000}
                />
              )}
              {errors.message(`field.${f.key}`)}
            </label>
          ))}
        </fieldset>
      )}
      {formFields.length === 0 && !hasOwnText(i18n.language) && <OnlyVietnamese />}
      <PaperBoxes boxes={boxes} state={papers} setState={setPapers} counter={mode === 'counter'} />
      <fieldset>
        <legend>{t('dossiers.submit.result')}</legend>
        {(['COUNTER', 'POST', 'ONLINE'] as const)
          .filter((m) => m !== 'POST' || all.every((x) => x.postalAllowed))
          .map((m) => (
            <label key={m} className="inline">
              <input
                type="radio"
                name="returnMethod"
                value={m}
                checked={returnMethod === m}
                onChange={() => setReturnMethod(m)}
              />
              {t(`dossiers.returnMethod.${m}`)}
            </label>
          ))}
        {returnMethod === 'POST' && (
          <label>
            {t('dossiers.submit.postalAddress')}
            <input {...bind('postalAddress')} required maxLength={300} />
            {errors.message('postalAddress')}
          </label>
        )}
      </fieldset>
      <p>{fee ? t('dossiers.submit.fee', { fee: formatMoney(fee, i18n.language) }) : t('procedures.free')}</p>
      {errors.summary()}
      {mode === 'public' && Object.values(typed).some(Boolean) && (
        <p className="muted">
          {t('forms.draftKept')}{' '}
          <button type="button" className="link" onClick={draft.clear}>
            {t('forms.clearDraft')}
          </button>
        </p>
      )}
      <button
        className="primary submit"
        type="submit"
        disabled={busy || attached.sending || missing.length > 0}
        data-testid="submit-button"
      >
        {busy ? t('dossiers.submit.sending') : t('dossiers.submit.send')}
        {missing.length > 0 && !busy && (
          <span className="why-disabled">{t('forms.missing', { list: missing.join(', ') })}</span>
        )}
      </button>
    </form>
  );
}
