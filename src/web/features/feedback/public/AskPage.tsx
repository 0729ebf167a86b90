import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { OnlyVietnamese } from '../../../components/OnlyVietnamese.js';
import { QueryState } from '../../../components/Status.js';
import { ApiError, api } from '../../../lib/api.js';
import { useFormErrors } from '../../../lib/form-errors.js';
import { useCitizen } from '../../citizens/useCitizen.js';
import { ensureClientId } from '../../dossiers/client-id.js';
import { type Submitted, useFeedbackForm } from './api.js';

const MAX_PHOTOS = 3;
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const FIELDS = ['categoryId', 'title', 'body', 'photos', 'locationUnitId', 'address', 'name', 'phone', 'email'];

/**
 * `/c/<commune code>/phan-anh`: a resident sends a question or report to the commune — topic, what and where (a
 * group or alley, an address, optionally the phone's position), up to three photos (their location removed on the
 * server unless the sender keeps it), whether it may be published, and a phone to be reached on (the account's when
 * signed in). A retried send carries the same idempotency key, so it makes one report.
 */
export function AskPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const form = useFeedbackForm(code);
  const citizen = useCitizen();
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [pointFailed, setPointFailed] = useState(false);
  // getRandomValues, not randomUUID: the latter needs HTTPS, and a commune laptop may serve plain HTTP on its LAN.
  const idempotencyKey = useMemo(
    () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''),
    [],
  );
  const f = form.data;
  if (!f) return <QueryState isLoading={form.isLoading} error={form.error} />;
  const signedIn = citizen.data ?? null;

  function locate() {
    setPointFailed(false);
    if (!('geolocation' in navigator)) return setPointFailed(true);
    navigator.geolocation.getCurrentPosition(
      (p) =>
        setPoint({
          lat: Math.round(p.coords.latitude * 1e6) / 1e6,
          lng: Math.round(p.coords.longitude * 1e6) / 1e6,
        }),
      () => setPointFailed(true),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '');
    const photos = data.getAll('photos').filter((p): p is File => p instanceof File && p.size > 0);
    const ok = errors.check({
      categoryId: { value: value('categoryId'), required: true },
      title: { value: value('title'), required: true },
      body: { value: value('body'), required: true },
      phone: { value: value('phone'), required: !signedIn, rule: 'phone' },
      email: { value: value('email'), rule: 'email' },
    });
    if (!ok) return;
    if (photos.length > MAX_PHOTOS || photos.some((p) => p.size > MAX_PHOTO_BYTES)) {
      errors.fromError(
        new ApiError(400, 'VALIDATION', '', [
          {
            field: 'photos',
            code: 'FILE',
            message: photos.length > MAX_PHOTOS ? t('pakn.tooManyPhotos') : t('pakn.photoTooBig'),
          },
        ]),
        FIELDS,
      );
      return;
    }
    data.delete('photos');
    for (const p of photos) data.append('photos', p, p.name);
    data.set('language', i18n.language);
    if (point) {
      data.set('lat', String(point.lat));
      data.set('lng', String(point.lng));
    }
    setBusy(true);
    errors.reset();
    ensureClientId();
    try {
      setDone(
        await api<Submitted>(`/api/public/communes/${code}/feedback`, {
          method: 'POST',
          form: data,
          headers: { 'idempotency-key': idempotencyKey },
        }),
      );
    } catch (failure) {
      errors.fromError(failure, FIELDS);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <section className="card" data-testid="feedback-sent">
        <h1>{t('pakn.sent')}</h1>
        <p>
          {t('pakn.yourCode')}:{' '}
          <strong className="code" data-testid="feedback-code">
            {done.code}
          </strong>
        </p>
        <p className="muted">{t('pakn.keepLink')}</p>
        <img
          className="qr"
          src={`/api/public/feedback/${done.token}/qr`}
          alt={t('pakn.qrAlt')}
          width={180}
          height={180}
        />
        <p className="actions">
          <Link href={done.statusUrl} data-testid="feedback-follow">
            {t('pakn.follow')}
          </Link>
        </p>
      </section>
    );
  }

  const anyOnlyVietnamese = f.categories.some((c) => c.vietnameseOnly);
  return (
    <form
      onSubmit={submit}
      // A field's message goes as soon as it is changed; the others stay until the next send.
      onInput={(e) => errors.clear((e.target as HTMLInputElement).name)}
      className="stack"
      noValidate
      data-testid="feedback-form"
    >
      <h1>{t('pakn.askTitle', { commune: f.commune.name })}</h1>
      <p className="muted">{t('pakn.askIntro')}</p>
      <p>
        <Link href={`/c/${code}/hoi-dap`}>{t('pakn.track.qaLink')}</Link>
      </p>
      <label>
        {t('pakn.category')}
        <select name="categoryId" required defaultValue="" {...errors.props('categoryId')}>
          <option value="">{t('pakn.chooseCategory')}</option>
          {f.categories.map((c) => (
            <option key={c.id} value={c.id} lang={c.vietnameseOnly ? 'vi' : undefined}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.message('categoryId')}
      </label>
      {anyOnlyVietnamese && <OnlyVietnamese />}
      <label>
        {t('pakn.title')}
        <input name="title" required minLength={5} maxLength={200} {...errors.props('title')} />
        {errors.message('title')}
      </label>
      <label>
        {t('pakn.body')}
        <textarea name="body" required minLength={10} maxLength={5000} rows={6} {...errors.props('body')} />
        <span className="muted">{t('pakn.bodyHint')}</span>
        {errors.message('body')}
      </label>
      <label>
        {t('pakn.photos')}
        <input
          type="file"
          name="photos"
          accept="image/jpeg,image/png,image/webp"
          multiple
          {...errors.props('photos')}
        />
        <span className="muted">{t('pakn.photosHint')}</span>
        {errors.message('photos')}
      </label>
      <label className="inline">
        <input type="checkbox" name="shareLocation" value="1" />
        {t('pakn.shareLocation')}
      </label>
      <fieldset>
        <legend>{t('pakn.where')}</legend>
        <label>
          {t('pakn.group')}
          <select name="locationUnitId" defaultValue="" {...errors.props('locationUnitId')}>
            <option value="">{t('pakn.chooseGroup')}</option>
            {f.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {errors.message('locationUnitId')}
        </label>
        <label>
          {t('pakn.address')}
          <input name="address" maxLength={300} autoComplete="street-address" {...errors.props('address')} />
          {errors.message('address')}
        </label>
        <p className="actions">
          <button type="button" onClick={locate} data-testid="use-location">
            {t('pakn.useLocation')}
          </button>
          {point && (
            <button type="button" onClick={() => setPoint(null)}>
              {t('pakn.locationClear')}
            </button>
          )}
        </p>
        {point && (
          <p className="ok" role="status">
            {t('pakn.locationTaken', { lat: point.lat, lng: point.lng })}
          </p>
        )}
        {pointFailed && (
          <p className="muted" role="status">
            {t('pakn.locationFailed')}
          </p>
        )}
      </fieldset>
      <label className="inline">
        <input type="checkbox" name="publishable" value="1" />
        {t('pakn.publishable')}
      </label>
      <fieldset>
        <legend>{t('pakn.sender')}</legend>
        {signedIn ? (
          <p className="ok">{t('pakn.signedInAs', { name: signedIn.citizen.fullName })}</p>
        ) : (
          <>
            <label>
              {t('pakn.name')}
              <input name="name" maxLength={120} autoComplete="name" {...errors.props('name')} />
              {errors.message('name')}
            </label>
            <label>
              {t('pakn.phone')}
              <input
                name="phone"
                type="tel"
                required
                maxLength={20}
                autoComplete="tel"
                inputMode="tel"
                {...errors.props('phone')}
              />
              <span className="muted">{t('pakn.phoneHint')}</span>
              {errors.message('phone')}
            </label>
          </>
        )}
        <label>
          {t('pakn.email')}
          <input name="email" type="email" maxLength={200} autoComplete="email" {...errors.props('email')} />
          {errors.message('email')}
        </label>
      </fieldset>
      {/* Kept out of sight and out of the tab order: people leave it empty, form-filling robots do not. */}
      <div className="honeypot" aria-hidden="true">
        <label>
          {t('pakn.website')}
          <input name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      {errors.summary()}
      <button className="primary" type="submit" disabled={busy} data-testid="feedback-send">
        {busy ? t('pakn.sending') : t('pakn.send')}
      </button>
    </form>
  );
}
