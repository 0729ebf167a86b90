import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, messageOf } from '../../lib/api.js';
import { paragraphs } from '../../lib/format.js';
import { useUnits } from '../units/api.js';

type Template = { id: number; name: string; title: string; body: string; placeholders: string[] };
type Preview = {
  title: string;
  text: string;
  missing: string[];
  sms: { text: string; encoding: string; segments: number };
  zns: { name: string; length: number; max: number; fits: boolean }[];
  zalo: { length: number; max: number; fits: boolean };
  push: { title: string; body: string };
};

/**
 * Reusable templates beside the announcement form: pick one, fill its ((placeholders)), see it per channel (SMS
 * segments, ZNS parameter limits, Zalo and push), then copy it into the form (`onUse`).
 */
export function TemplatePanel({ onUse }: { onUse: (title: string, text: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const templates = useQuery({
    queryKey: ['templates'],
    queryFn: () => api<{ items: Template[] }>('/api/message-templates'),
  });
  const root = useUnits().data?.[0];
  const [chosen, setChosen] = useState<Template | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const d = new FormData(form);
    setError(null);
    try {
      await api('/api/message-templates', {
        method: 'POST',
        body: {
          unitId: root!.id,
          name: String(d.get('name')),
          title: String(d.get('title')),
          body: paragraphs(String(d.get('body'))),
        },
      });
      form.reset();
      await client.invalidateQueries({ queryKey: ['templates'] });
    } catch (e) {
      setError(messageOf(e));
    }
  }
  async function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const values = Object.fromEntries(
      chosen!.placeholders.map((p) => [p, String(d.get(p) ?? '')]).filter(([, v]) => v),
    );
    setPreview(
      await api<Preview>(`/api/message-templates/${chosen!.id}/preview`, { method: 'POST', body: { values } }),
    );
  }
  return (
    <details className="card" data-testid="templates">
      <summary>{t('announcements.templates.title')}</summary>
      <label>
        {t('announcements.templates.pick')}
        <select
          value={chosen?.id ?? ''}
          onChange={(e) => {
            setChosen(templates.data?.items.find((x) => x.id === Number(e.target.value)) ?? null);
            setPreview(null);
          }}
        >
          <option value="" />
          {templates.data?.items.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <form onSubmit={(e) => void show(e)}>
          {chosen.placeholders.map((p) => (
            <label key={p}>
              (({p}))
              <input name={p} />
            </label>
          ))}
          <button type="submit">{t('announcements.templates.preview')}</button>
        </form>
      )}
      {preview && (
        <div data-testid="template-preview">
          {preview.missing.length > 0 && (
            <p className="error">{t('announcements.templates.missing', { names: preview.missing.join(', ') })}</p>
          )}
          <h3>
            {t('announcements.channel_.SMS')} ·{' '}
            {t('announcements.templates.segments', { count: preview.sms.segments, encoding: preview.sms.encoding })}
          </h3>
          <pre className="muted">{preview.sms.text}</pre>
          <h3>{t('announcements.channel_.ZNS')}</h3>
          <ul>
            {preview.zns.map((p) => (
              <li key={p.name} className={p.fits ? '' : 'error'}>
                {p.name}: {p.length}/{p.max}
                {p.fits ? '' : ` — ${t('announcements.templates.tooLong')}`}
              </li>
            ))}
          </ul>
          <h3>{t('announcements.channel_.ZALO')}</h3>
          <p className={preview.zalo.fits ? 'muted' : 'error'}>
            {preview.zalo.length}/{preview.zalo.max}
          </p>
          <h3>{t('announcements.channel_.PUSH')}</h3>
          <p className="muted">
            <strong>{preview.push.title}</strong>
            <br />
            {preview.push.body}
          </p>
          <button type="button" className="primary" onClick={() => onUse(preview.title, preview.text)}>
            {t('announcements.templates.use')}
          </button>
        </div>
      )}
      <form onSubmit={(e) => void create(e)}>
        <h3>{t('announcements.templates.new')}</h3>
        <label>
          {t('announcements.templates.name')}
          <input name="name" required minLength={2} maxLength={100} />
        </label>
        <label>
          {t('announcements.heading')}
          <input name="title" required minLength={3} maxLength={200} />
        </label>
        <label>
          {t('announcements.body')}
          <textarea name="body" required rows={3} placeholder="Kính mời ((ten)) họp lúc ((gio))" />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={!root}>
          {t('announcements.templates.save')}
        </button>
      </form>
    </details>
  );
}
