import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api } from '../../lib/api.js';
import { formatDateTime, paragraphs } from '../../lib/format.js';
import { useStaffGroups } from './api.js';
import { ReachSplit, type ReachPreview } from './ReachSplit.js';
import { SendDraft } from './SendDraft.js';
import { TargetUnits } from './TargetUnits.js';
import { TemplatePanel } from './TemplatePanel.js';

type Announcement = {
  id: number;
  /** Sent from above into the caller's units: they see their part of it and cannot change it. */
  part: boolean;
  title: string;
  category: string;
  status: 'DRAFT' | 'SCHEDULED' | 'SENT' | 'CANCELLED';
  createdAt: string;
  sentAt: string | null;
  scheduledAt: string | null;
};
type Size = {
  households: number;
  people: number;
  groups: { unitId: number; name: string; households: number; people: number }[];
  reach: ReachPreview;
};
const categories = ['POLICY', 'HEALTH', 'CAMPAIGN', 'EMERGENCY', 'EVENT', 'PROCEDURE'] as const;

/** The versions typed in English, Japanese and Chinese; one goes out only with both its title and its text. */
function translationsOf(d: FormData) {
  const field = (name: string) => String(d.get(name) ?? '').trim();
  return Object.fromEntries(
    (['en', 'ja', 'zh'] as const)
      .filter((lang) => field(`${lang}Title`) && field(`${lang}Body`))
      .map((lang) => [lang, { title: field(`${lang}Title`), body: paragraphs(field(`${lang}Body`)) }]),
  );
}

/** Writing, targeting (sized before sending), sending, and the list of what was sent. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['announcements'],
    queryFn: () => api<{ items: Announcement[] }>('/api/announcements'),
  });
  const staffGroups = useStaffGroups();
  const [units, setUnits] = useState<number[]>([]);
  const [size, setSize] = useState<Size | null>(null);
  const { notice, run } = useNotice();

  const audienceOf = (form: HTMLFormElement) => {
    const d = new FormData(form);
    const num = (k: string) => (String(d.get(k) ?? '') ? Number(d.get(k)) : undefined);
    const one = (k: string) => (String(d.get(k) ?? '') ? [String(d.get(k))] : []);
    return {
      unitIds: units,
      ageMin: num('ageMin'),
      ageMax: num('ageMax'),
      householdKinds: d.get('boarding') === 'on' ? ['BOARDING_HOUSE'] : [],
      genders: one('gender'),
      vneidLevels: one('vneid'),
      tags: String(d.get('tags') ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      staffGroupIds: d.getAll('staffGroup').map(Number),
      perPerson: d.get('perPerson') === 'on',
    };
  };
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const d = new FormData(form);
    await run(async () => {
      await api('/api/announcements', {
        method: 'POST',
        body: {
          title: String(d.get('title')).trim(),
          body: paragraphs(String(d.get('body')).trim()),
          category: d.get('category'),
          priority: d.get('priority'),
          audience: audienceOf(form),
          isPublic: d.get('public') === 'on',
          ackRequested: d.get('ack') === 'on',
          ...(d.get('scheduledAt') ? { scheduledAt: new Date(String(d.get('scheduledAt'))).toISOString() } : {}),
          ...(d.get('expiresAt') ? { expiresAt: new Date(String(d.get('expiresAt'))).toISOString() } : {}),
          translations: translationsOf(d),
        },
      });
      form.reset();
      setSize(null);
      await client.invalidateQueries({ queryKey: ['announcements'] });
    });
  }
  return (
    <section>
      <h1>{t('announcements.title')}</h1>
      <TemplatePanel
        onUse={(title, text) => {
          const form = document.querySelector<HTMLFormElement>('[data-testid="announcement-form"]')!;
          (form.elements.namedItem('title') as HTMLInputElement).value = title;
          (form.elements.namedItem('body') as HTMLTextAreaElement).value = text;
        }}
      />
      <form className="card" onSubmit={(e) => void save(e)} data-testid="announcement-form">
        <h2>{t('announcements.write')}</h2>
        <label>
          {t('announcements.heading')}
          <input name="title" required minLength={3} maxLength={200} />
        </label>
        <label>
          {t('announcements.body')}
          <textarea name="body" required rows={5} maxLength={10000} />
        </label>
        <label>
          {t('announcements.category')}
          <select name="category">
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`announcements.category_.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('announcements.priority')}
          <select name="priority">
            {(['NORMAL', 'HIGH', 'URGENT'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`announcements.priority_.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('announcements.units')}</legend>
          <TargetUnits
            chosen={units}
            onChange={(ids) => {
              setUnits(ids);
              setSize(null);
            }}
          />
        </fieldset>
        <div className="actions">
          <label>
            {t('announcements.ageMin')}
            <input name="ageMin" type="number" min={0} max={120} />
          </label>
          <label>
            {t('announcements.ageMax')}
            <input name="ageMax" type="number" min={0} max={120} />
          </label>
        </div>
        <div className="actions">
          <label>
            {t('announcements.extra.gender')}
            <select name="gender">
              <option value="">{t('announcements.extra.anyone')}</option>
              <option value="FEMALE">{t('gender.FEMALE')}</option>
              <option value="MALE">{t('gender.MALE')}</option>
            </select>
          </label>
          <label>
            {t('announcements.extra.tags')}
            <input name="tags" placeholder="nguoi-cao-tuoi, ho-ngheo" />
          </label>
          <label>
            {t('announcements.extra.vneid')}
            <select name="vneid">
              <option value="">{t('announcements.extra.anyone')}</option>
              {(['NONE', 'L1', 'L2'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`vneid.${v}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="inline">
          <input name="boarding" type="checkbox" />
          {t('announcements.boardingOnly')}
        </label>
        <label className="inline">
          <input name="perPerson" type="checkbox" />
          {t('announcements.extra.perPerson')}
        </label>
        {(staffGroups.data?.items.length ?? 0) > 0 && (
          <fieldset>
            <legend>{t('announcements.extra.staffGroups')}</legend>
            {staffGroups.data!.items.map((g) => (
              <label key={g.id} className="inline">
                <input type="checkbox" name="staffGroup" value={g.id} />
                {g.name}
              </label>
            ))}
          </fieldset>
        )}
        <div className="actions">
          <label>
            {t('announcements.extra.scheduledAt')}
            <input name="scheduledAt" type="datetime-local" />
          </label>
          <label>
            {t('announcements.extra.expiresAt')}
            <input name="expiresAt" type="datetime-local" />
          </label>
        </div>
        <details>
          <summary>{t('announcements.extra.english')}</summary>
          <label>
            {t('announcements.extra.englishTitle')}
            <input name="enTitle" maxLength={200} />
          </label>
          <label>
            {t('announcements.extra.englishBody')}
            <textarea name="enBody" rows={3} maxLength={10000} />
          </label>
        </details>
        {(['ja', 'zh'] as const).map((lang) => (
          <details key={lang}>
            <summary>{t(`announcements.extra.version_${lang}`)}</summary>
            <label>
              {t(`announcements.extra.title_${lang}`)}
              <input name={`${lang}Title`} maxLength={200} lang={lang === 'zh' ? 'zh-Hans' : lang} />
            </label>
            <label>
              {t(`announcements.extra.body_${lang}`)}
              <textarea name={`${lang}Body`} rows={3} maxLength={10000} lang={lang === 'zh' ? 'zh-Hans' : lang} />
            </label>
          </details>
        ))}
        <label className="inline">
          <input name="public" type="checkbox" defaultChecked />
          {t('announcements.public')}
        </label>
        <label className="inline">
          <input name="ack" type="checkbox" />
          {t('announcements.ack')}
        </label>
        <p className="actions">
          <button
            type="button"
            disabled={units.length === 0}
            onClick={(e) =>
              void run(async () =>
                setSize(
                  await api<Size>('/api/announcements/audience', {
                    method: 'POST',
                    body: audienceOf(e.currentTarget.form!),
                  }),
                ),
              )
            }
          >
            {t('announcements.check')}
          </button>
          {size && (
            <strong data-testid="audience-size">
              {t('announcements.size', { households: size.households, people: size.people })}
            </strong>
          )}
        </p>
        {size && <ReachSplit reach={size.reach} />}
        <NoticeLine notice={notice} />
        <button className="primary" type="submit" disabled={units.length === 0}>
          {t('announcements.saveDraft')}
        </button>
      </form>
      <QueryState isLoading={list.isLoading} error={list.error} />
      <ul className="cards" data-testid="announcements">
        {list.data?.items.map((a) => (
          <li key={a.id} className="card">
            <strong>{a.title}</strong> · <span className="badge">{t(`announcements.status_.${a.status}`)}</span>
            {a.part && <span className="badge">{t('announcements.extra.part')}</span>}
            <div className="muted">
              {t(`announcements.category_.${a.category}`)} · {formatDateTime(a.sentAt ?? a.createdAt)}
            </div>
            <div className="actions">
              {!a.part && a.status === 'DRAFT' && <SendDraft draft={a} run={run} />}
              {!a.part && (a.status === 'DRAFT' || a.status === 'SCHEDULED') && (
                <button
                  type="button"
                  onClick={() =>
                    void run(async () => {
                      await api(`/api/announcements/${a.id}/cancel`, { method: 'POST' });
                      await client.invalidateQueries({ queryKey: ['announcements'] });
                    })
                  }
                >
                  {t('announcements.extra.cancel')}
                </button>
              )}
              {a.status === 'SCHEDULED' && (
                <span className="muted">
                  {t('announcements.extra.scheduled', { at: formatDateTime(a.scheduledAt!) })}
                </span>
              )}
              {a.status === 'SENT' && <Link href={`/announcements/${a.id}`}>{t('announcements.reach')}</Link>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
