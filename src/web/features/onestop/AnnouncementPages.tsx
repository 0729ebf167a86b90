import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { NoticeLine, QueryState, useNotice } from '../../components/Status.js';
import { api, messageOf } from '../../lib/api.js';
import { formatDateTime, paragraphs } from '../../lib/format.js';
import { useUnits } from '../units/api.js';
import { useCitizen } from '../citizens/useCitizen.js';
import { useStaffGroups } from './GroupPages.js';
import { TemplatePanel } from './TemplatePanel.js';
import { SupportPoints } from '../teams/TeamsPage.js';

type Announcement = {
  id: number;
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
};
const categories = ['POLICY', 'HEALTH', 'CAMPAIGN', 'EMERGENCY', 'EVENT', 'PROCEDURE'] as const;

/** The units a writer can target: their own unit, or each residential group of the commune they hold. */
function TargetUnits({ chosen, onChange }: { chosen: number[]; onChange: (ids: number[]) => void }) {
  const roots = useUnits();
  const root = roots.data?.[0];
  const children = useUnits(root && root.tier === 'COMMUNE' ? root.id : undefined);
  const options = root?.tier === 'COMMUNE' ? (children.data ?? []).filter((u) => !u.closedAt) : (roots.data ?? []);
  return (
    <div className="actions">
      {options.map((u) => (
        <label key={u.id} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(u.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, u.id] : chosen.filter((x) => x !== u.id))}
          />
          {u.name}
        </label>
      ))}
    </div>
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
          ...(String(d.get('enTitle') ?? '').trim() && String(d.get('enBody') ?? '').trim()
            ? {
                translations: {
                  en: { title: String(d.get('enTitle')).trim(), body: paragraphs(String(d.get('enBody')).trim()) },
                },
              }
            : {}),
        },
      });
      form.reset();
      setSize(null);
      await client.invalidateQueries({ queryKey: ['announcements'] });
    });
  }
  return (
    <section>
      <h1>{t('onestop.announce.title')}</h1>
      <TemplatePanel
        onUse={(title, text) => {
          const form = document.querySelector<HTMLFormElement>('[data-testid="announcement-form"]')!;
          (form.elements.namedItem('title') as HTMLInputElement).value = title;
          (form.elements.namedItem('body') as HTMLTextAreaElement).value = text;
        }}
      />
      <form className="card" onSubmit={(e) => void save(e)} data-testid="announcement-form">
        <h2>{t('onestop.announce.write')}</h2>
        <label>
          {t('onestop.announce.heading')}
          <input name="title" required minLength={3} maxLength={200} />
        </label>
        <label>
          {t('onestop.announce.body')}
          <textarea name="body" required rows={5} maxLength={10000} />
        </label>
        <label>
          {t('onestop.announce.category')}
          <select name="category">
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`onestop.announce.category_.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('onestop.announce.priority')}
          <select name="priority">
            {(['NORMAL', 'HIGH', 'URGENT'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`onestop.announce.priority_.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('onestop.announce.units')}</legend>
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
            {t('onestop.announce.ageMin')}
            <input name="ageMin" type="number" min={0} max={120} />
          </label>
          <label>
            {t('onestop.announce.ageMax')}
            <input name="ageMax" type="number" min={0} max={120} />
          </label>
        </div>
        <div className="actions">
          <label>
            {t('channels.extra.gender')}
            <select name="gender">
              <option value="">{t('channels.extra.anyone')}</option>
              <option value="FEMALE">{t('gender.FEMALE')}</option>
              <option value="MALE">{t('gender.MALE')}</option>
            </select>
          </label>
          <label>
            {t('channels.extra.tags')}
            <input name="tags" placeholder="nguoi-cao-tuoi, ho-ngheo" />
          </label>
          <label>
            {t('channels.extra.vneid')}
            <select name="vneid">
              <option value="">{t('channels.extra.anyone')}</option>
              {['NONE', 'L1', 'L2'].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="inline">
          <input name="boarding" type="checkbox" />
          {t('onestop.announce.boardingOnly')}
        </label>
        <label className="inline">
          <input name="perPerson" type="checkbox" />
          {t('channels.extra.perPerson')}
        </label>
        {(staffGroups.data?.items.length ?? 0) > 0 && (
          <fieldset>
            <legend>{t('channels.extra.staffGroups')}</legend>
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
            {t('channels.extra.scheduledAt')}
            <input name="scheduledAt" type="datetime-local" />
          </label>
          <label>
            {t('channels.extra.expiresAt')}
            <input name="expiresAt" type="datetime-local" />
          </label>
        </div>
        <details>
          <summary>{t('channels.extra.english')}</summary>
          <label>
            {t('channels.extra.englishTitle')}
            <input name="enTitle" maxLength={200} />
          </label>
          <label>
            {t('channels.extra.englishBody')}
            <textarea name="enBody" rows={3} maxLength={10000} />
          </label>
        </details>
        <label className="inline">
          <input name="public" type="checkbox" defaultChecked />
          {t('onestop.announce.public')}
        </label>
        <label className="inline">
          <input name="ack" type="checkbox" />
          {t('onestop.announce.ack')}
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
            {t('onestop.announce.check')}
          </button>
          {size && (
            <strong data-testid="audience-size">
              {t('onestop.announce.size', { households: size.households, people: size.people })}
            </strong>
          )}
        </p>
        <NoticeLine notice={notice} />
        <button className="primary" type="submit" disabled={units.length === 0}>
          {t('onestop.announce.saveDraft')}
        </button>
      </form>
      <QueryState isLoading={list.isLoading} error={list.error} />
      <ul className="cards" data-testid="announcements">
        {list.data?.items.map((a) => (
          <li key={a.id} className="card">
            <strong>{a.title}</strong> · <span className="badge">{t(`onestop.announce.status_.${a.status}`)}</span>
            <div className="muted">
              {t(`onestop.announce.category_.${a.category}`)} · {formatDateTime(a.sentAt ?? a.createdAt)}
            </div>
            <div className="actions">
              {a.status === 'DRAFT' && (
                <button
                  type="button"
                  className="primary"
                  onClick={() =>
                    void run(async () => {
                      const r = await api<{ status: string; households: number }>(`/api/announcements/${a.id}/send`, {
                        method: 'POST',
                      });
                      await client.invalidateQueries({ queryKey: ['announcements'] });
                      return r.status === 'SCHEDULED'
                        ? t('channels.extra.scheduled', { at: formatDateTime(a.scheduledAt!) })
                        : t('onestop.announce.sent', { count: r.households });
                    })
                  }
                >
                  {t('onestop.announce.send')}
                </button>
              )}
              {(a.status === 'DRAFT' || a.status === 'SCHEDULED') && (
                <button
                  type="button"
                  onClick={() =>
                    void run(async () => {
                      await api(`/api/announcements/${a.id}/cancel`, { method: 'POST' });
                      await client.invalidateQueries({ queryKey: ['announcements'] });
                    })
                  }
                >
                  {t('channels.extra.cancel')}
                </button>
              )}
              {a.status === 'SCHEDULED' && (
                <span className="muted">{t('channels.extra.scheduled', { at: formatDateTime(a.scheduledAt!) })}</span>
              )}
              {a.status === 'SENT' && <Link href={`/announcements/${a.id}`}>{t('onestop.announce.reach')}</Link>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

type ToVisit = { householdId: number; address: string; groupName: string | null; headName: string | null };
type Reach = {
  totals: { targeted: number; reached: number; read: number; acknowledged: number };
  groups: {
    unitId: number | null;
    name: string;
    targeted: number;
    reached: number;
    read: number;
    acknowledged: number;
  }[];
  notReached: ToVisit[];
  notAcknowledged: ToVisit[];
};

/** A list of households for the digital team, with the spreadsheet to take on the round. */
function VisitList({
  id,
  which,
  title,
  households,
}: {
  id: number;
  which: 'not-reached' | 'not-acknowledged';
  title: string;
  households: ToVisit[];
}) {
  const { t } = useTranslation();
  return (
    <section data-testid={which}>
      <h2>
        {title} ({households.length >= 200 ? '200+' : households.length})
      </h2>
      <a href={`/api/announcements/${id}/to-visit?which=${which}`}>{t('channels.extra.download')}</a>
      <ul>
        {households.map((h) => (
          <li key={h.householdId}>
            <Link href={`/households/${h.householdId}`}>{h.address}</Link>
            {h.headName ? ` · ${h.headName}` : ''}
            {h.groupName ? ` · ${h.groupName}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Reach, group by group, and the households the digital team should visit. */
export function ReachPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const reach = useQuery({
    queryKey: ['reach', id],
    queryFn: () => api<Reach>(`/api/announcements/${id}/reach`),
    refetchInterval: 30_000,
  });
  const r = reach.data;
  if (!r) return <QueryState isLoading={reach.isLoading} error={reach.error} />;
  return (
    <section>
      <h1>{t('onestop.announce.reach')}</h1>
      <table className="table" data-testid="reach">
        <thead>
          <tr>
            <th />
            <th>{t('onestop.announce.targeted')}</th>
            <th>{t('onestop.announce.reached')}</th>
            <th>{t('onestop.announce.read')}</th>
            <th>{t('onestop.announce.acknowledged')}</th>
          </tr>
        </thead>
        <tbody>
          {r.groups.map((g) => (
            <tr key={g.unitId ?? 0}>
              <td>{g.name}</td>
              <td>{g.targeted}</td>
              <td>{g.reached}</td>
              <td>{g.read}</td>
              <td>{g.acknowledged}</td>
            </tr>
          ))}
          <tr>
            <th />
            <th>{r.totals.targeted}</th>
            <th>{r.totals.reached}</th>
            <th>{r.totals.read}</th>
            <th>{r.totals.acknowledged}</th>
          </tr>
        </tbody>
      </table>
      <ReachOverTime id={id} />
      <p className="actions">
        <a href={`/api/announcements/${id}/bulletin.pdf`} target="_blank" rel="noreferrer">
          {t('channels.extra.bulletin')}
        </a>
        <a href={`/api/announcements/${id}/audio.wav`}>{t('channels.extra.audio')}</a>
      </p>
      <VisitList id={id} which="not-reached" title={t('channels.extra.notReached')} households={r.notReached} />
      {r.notAcknowledged.length > 0 && (
        <VisitList
          id={id}
          which="not-acknowledged"
          title={t('onestop.announce.notReached')}
          households={r.notAcknowledged}
        />
      )}
    </section>
  );
}

type Feed = {
  commune: string;
  items: {
    id: number;
    title: string;
    bodyHtml: string;
    category: string;
    sentAt: string;
    ackRequested: boolean;
    unitName: string;
  }[];
};

/** `/c/<commune code>`: the commune's public announcements; a signed-in citizen acknowledges for their household. */
export function CommuneFeed({ code }: { code: string }) {
  const { t } = useTranslation();
  const feed = useQuery({
    queryKey: ['feed', code],
    queryFn: () => api<Feed>(`/api/public/communes/${code}/announcements`),
  });
  const citizen = useCitizen();
  const [done, setDone] = useState<Record<number, string>>({});
  if (!feed.data) return <QueryState isLoading={feed.isLoading} error={feed.error} />;
  return (
    <section>
      <h1>{t('onestop.announce.feed', { commune: feed.data.commune })}</h1>
      <SupportPoints code={code} />
      {feed.data.items.length === 0 && <p className="muted">{t('common.none')}</p>}
      {feed.data.items.map((a) => (
        <article key={a.id} className="card" data-testid="feed-item">
          <h2>{a.title}</h2>
          <p className="muted">
            {t(`onestop.announce.category_.${a.category}`)} · {a.unitName} · {formatDateTime(a.sentAt)}
          </p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server when written (allowlist: paragraphs, emphasis, lists, safe links) */}
          <div dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
          {a.ackRequested &&
            (done[a.id] ? (
              <p className="ok" role="status">
                {done[a.id]}
              </p>
            ) : citizen.data ? (
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void api(`/api/public/announcements/${a.id}/ack`, { method: 'POST' }).then(
                    () => setDone((d) => ({ ...d, [a.id]: t('onestop.announce.confirmed') })),
                    (e) => setDone((d) => ({ ...d, [a.id]: messageOf(e) })),
                  )
                }
              >
                {t('onestop.announce.confirm')}
              </button>
            ) : (
              <Link href="/me">{t('onestop.announce.signInToConfirm')}</Link>
            ))}
        </article>
      ))}
    </section>
  );
}

type Point = { at: string; reached: number; read: number; acknowledged: number };

/** Households reached, read and acknowledged over time: a line each, drawn as SVG (no chart library for three lines). */
function ReachOverTime({ id }: { id: number }) {
  const { t } = useTranslation();
  const timeline = useQuery({
    queryKey: ['reach-timeline', id],
    queryFn: () => api<Point[]>(`/api/announcements/${id}/reach/timeline`),
    refetchInterval: 60_000,
  });
  const data = timeline.data ?? [];
  if (data.length === 0) return null;
  // The line starts at nought an hour before the first households were reached.
  const points: Point[] = [
    { at: new Date(Date.parse(data[0]!.at) - 3600_000).toISOString(), reached: 0, read: 0, acknowledged: 0 },
    ...data,
  ];
  const max = Math.max(1, ...points.map((p) => p.reached));
  const x = (i: number) => (i / (points.length - 1)) * 300;
  const y = (v: number) => 100 - (v / max) * 100;
  const series = [
    ['reached', '#b91c1c'],
    ['read', '#2563eb'],
    ['acknowledged', '#15803d'],
  ] as const;
  return (
    <figure data-testid="reach-chart" style={{ margin: 0 }}>
      <figcaption>{t('channels.extra.overTime')}</figcaption>
      <svg viewBox="-5 -5 310 110" width="100%" height="140" role="img" aria-label={t('channels.extra.overTime')}>
        <line x1="0" y1="100" x2="300" y2="100" stroke="#9ca3af" strokeWidth="1" />
        {series.map(([k, color]) => (
          <g key={k}>
            <polyline
              points={points.map((p, i) => `${x(i)},${y(p[k])}`).join(' ')}
              fill="none"
              stroke={color}
              strokeWidth="2"
            />
            {points.map((p, i) => (
              <circle key={p.at} cx={x(i)} cy={y(p[k])} r="2.5" fill={color} />
            ))}
          </g>
        ))}
      </svg>
      <p className="muted">
        {formatDateTime(points[1]!.at)} → {formatDateTime(points.at(-1)!.at)}
      </p>
      <p className="muted">
        <span style={{ color: '#b91c1c' }}>■</span> {t('onestop.announce.reached')} {points.at(-1)!.reached} ·{' '}
        <span style={{ color: '#2563eb' }}>■</span> {t('onestop.announce.read')} {points.at(-1)!.read} ·{' '}
        <span style={{ color: '#15803d' }}>■</span> {t('onestop.announce.acknowledged')} {points.at(-1)!.acknowledged}
      </p>
    </figure>
  );
}
