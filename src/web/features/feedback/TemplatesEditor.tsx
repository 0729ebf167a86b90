import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoticeLine, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { categoryLabel, useCategories, useTemplates, type Template } from './api.js';

/** A commune's answer templates: a title to pick it by, the text inserted, and the category it suits (or any). */
export function TemplatesEditor({ communeId }: { communeId: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const templates = useTemplates(communeId);
  const categories = useCategories(communeId);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const { notice, run } = useNotice();
  const refresh = () => client.invalidateQueries({ queryKey: ['feedback-templates'] });

  async function save(event: FormEvent<HTMLFormElement>, id: number | 'new') {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const text = (k: string) => String(d.get(k) ?? '').trim();
    const body = {
      title: text('title'),
      body: text('body'),
      categoryId: text('categoryId') ? Number(text('categoryId')) : null,
    };
    await run(async () => {
      if (id === 'new') await api('/api/feedback/templates', { method: 'POST', body: { communeId, ...body } });
      else await api(`/api/feedback/templates/${id}`, { method: 'PATCH', body });
      await refresh();
      setEditing(null);
      return t('common.saved');
    });
  }

  const remove = (x: Template) =>
    run(async () => {
      if (!window.confirm(t('feedbackDesk.templates.confirmDelete', { title: x.title }))) return;
      await api(`/api/feedback/templates/${x.id}`, { method: 'DELETE' });
      await refresh();
      return t('feedbackDesk.templates.deleted');
    });

  const form = (id: number | 'new', x?: Template) => (
    <form className="stack" onSubmit={(e) => void save(e, id)}>
      <label>
        {t('feedbackDesk.templates.name')}
        <input name="title" required maxLength={200} defaultValue={x?.title} />
      </label>
      <label>
        {t('feedbackDesk.templates.body')}
        <textarea name="body" required maxLength={10000} rows={5} defaultValue={x?.body} />
      </label>
      <label>
        {t('feedbackDesk.category')}
        <select name="categoryId" defaultValue={String(x?.categoryId ?? '')}>
          <option value="">{t('common.all')}</option>
          {(categories.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {categoryLabel(i18n.language, c.nameVi, c.nameEn)}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );

  return (
    <section data-testid="feedback-templates">
      <h2>{t('feedbackDesk.templates.title')}</h2>
      <NoticeLine notice={notice} />
      <ul className="cards">
        {(templates.data ?? []).map((x) => (
          <li key={x.id} className="card">
            <strong>{x.title}</strong>
            <div className="muted pre">{x.body.length > 160 ? `${x.body.slice(0, 160)}…` : x.body}</div>
            {editing === x.id ? (
              form(x.id, x)
            ) : (
              <div className="actions">
                <button type="button" onClick={() => setEditing(x.id)}>
                  {t('common.edit')}
                </button>
                <button type="button" onClick={() => void remove(x)}>
                  {t('feedbackDesk.templates.delete')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        form('new')
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {t('feedbackDesk.templates.add')}
        </button>
      )}
    </section>
  );
}
