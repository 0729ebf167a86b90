import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Role } from '../../../shared/enums.js';
import { ticketSeverities } from '../../../shared/feedback.js';
import { NoticeLine, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { can, useMe } from '../auth/useMe.js';
import { useUnits } from '../units/api.js';
import { useCategories, type Category } from './api.js';

const processingRoles = [Role.COMMUNE_LEADER, Role.ONESTOP_OFFICER, Role.GROUP_HEAD] as const;

/** Where a category's new tickets go: a unit (the commune or one of its groups), a role there, or one person. */
function CategoryFields({ communeId, category }: { communeId: number; category?: Category }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const groups = useUnits(communeId);
  const users = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () =>
      api<{ items: { id: number; fullName: string; username: string }[] }>('/api/users?limit=200').then((r) => r.items),
    enabled: !!me && can(me, 'user.manage'),
    staleTime: 5 * 60_000,
  });
  const text = (v: string | null | undefined) => v ?? '';
  return (
    <>
      {(['nameVi', 'nameEn'] as const).map((k) => (
        <label key={k}>
          {t(`feedbackDesk.categories.${k}`)}
          <input name={k} defaultValue={text(category?.[k])} required minLength={2} maxLength={120} />
        </label>
      ))}
      {(['ja', 'zh'] as const).map((lang) => (
        <label key={lang}>
          {t(`feedbackDesk.categories.name_${lang}`)}
          <input name={`name_${lang}`} defaultValue={text(category?.translations[lang]?.name)} maxLength={120} />
        </label>
      ))}
      <label>
        {t('feedbackDesk.categories.routeUnit')}
        <select name="routeUnitId" defaultValue={String(category?.routeUnitId ?? '')}>
          <option value="">{t('feedbackDesk.categories.theCommune')}</option>
          {(groups.data ?? [])
            .filter((g) => !g.closedAt)
            .map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('feedbackDesk.categories.routeRole')}
        <select name="routeRole" defaultValue={category?.routeRole ?? ''}>
          <option value="">—</option>
          {processingRoles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {users.data && (
        <label>
          {t('feedbackDesk.categories.routeUser')}
          <select name="routeUserId" defaultValue={String(category?.routeUserId ?? '')}>
            <option value="">—</option>
            {users.data.map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName} ({u.username})
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('feedbackDesk.categories.defaultSeverity')}
        <select name="defaultSeverity" defaultValue={category?.defaultSeverity ?? 'NORMAL'}>
          {ticketSeverities.map((s) => (
            <option key={s} value={s}>
              {t(`feedbackDesk.severities.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('feedbackDesk.categories.sortOrder')}
        <input name="sortOrder" type="number" min={0} max={1000} defaultValue={category?.sortOrder ?? 100} />
      </label>
      <label className="inline">
        <input name="active" type="checkbox" defaultChecked={category?.active ?? true} />{' '}
        {t('feedbackDesk.categories.active')}
      </label>
    </>
  );
}

/** The form's fields as the API's body; an empty optional name or route is sent as null (cleared). */
function readCategory(form: HTMLFormElement, hasUsers: boolean) {
  const d = new FormData(form);
  const text = (k: string) => String(d.get(k) ?? '').trim();
  const orNull = (k: string) => text(k) || null;
  const idOrNull = (k: string) => (text(k) ? Number(text(k)) : null);
  return {
    nameVi: text('nameVi'),
    nameEn: text('nameEn'),
    // A language left empty shows the Vietnamese name.
    translations: Object.fromEntries(
      (['ja', 'zh'] as const).filter((l) => text(`name_${l}`)).map((l) => [l, { name: text(`name_${l}`) }]),
    ),
    routeUnitId: idOrNull('routeUnitId'),
    routeRole: orNull('routeRole'),
    ...(hasUsers ? { routeUserId: idOrNull('routeUserId') } : {}),
    defaultSeverity: text('defaultSeverity'),
    sortOrder: Number(text('sortOrder') || 0),
    active: d.get('active') === 'on',
  };
}

/** A commune's categories: names in four languages, routing, default severity, on or off, order. */
export function CategoriesEditor({ communeId }: { communeId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe().data;
  const hasUsers = !!me && can(me, 'user.manage');
  const categories = useCategories(communeId);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const { notice, run } = useNotice();

  async function save(event: FormEvent<HTMLFormElement>, id: number | 'new') {
    event.preventDefault();
    const body = readCategory(event.currentTarget, hasUsers);
    await run(async () => {
      if (id === 'new')
        await api('/api/feedback/categories', {
          method: 'POST',
          body: { communeId, code: `C${Date.now().toString(36).toUpperCase()}`, ...body },
        });
      else await api(`/api/feedback/categories/${id}`, { method: 'PATCH', body });
      await client.invalidateQueries({ queryKey: ['feedback-categories'] });
      setEditing(null);
      return t('common.saved');
    });
  }

  const form = (id: number | 'new', category?: Category) => (
    <form className="stack" onSubmit={(e) => void save(e, id)}>
      <CategoryFields communeId={communeId} category={category} />
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
    <section data-testid="feedback-categories">
      <h2>{t('feedbackDesk.categories.title')}</h2>
      <NoticeLine notice={notice} />
      <ul className="cards">
        {(categories.data ?? []).map((c) => (
          <li key={c.id} className="card">
            <strong>{c.nameVi}</strong>
            {!c.active && <span className="badge"> {t('feedbackDesk.categories.off')}</span>}
            <div className="muted">
              {[c.nameEn, c.translations.ja?.name, c.translations.zh?.name].filter(Boolean).join(' · ')}
              {' · '}
              {t(`feedbackDesk.severities.${c.defaultSeverity}`)}
              {c.routeUnitName ? ` · ${c.routeUnitName}` : ''}
              {c.routeRole ? ` · ${t(`role.${c.routeRole}`)}` : ''}
              {c.routeUserName ? ` · ${c.routeUserName}` : ''}
            </div>
            {editing === c.id ? (
              form(c.id, c)
            ) : (
              <button type="button" onClick={() => setEditing(c.id)}>
                {t('common.edit')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        form('new')
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {t('feedbackDesk.categories.add')}
        </button>
      )}
    </section>
  );
}
