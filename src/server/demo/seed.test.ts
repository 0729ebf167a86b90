import { describe, expect, it } from 'vitest';
import { login } from '../../../test/helpers.js';
import { useWorld } from '../../../test/world.js';
import { localParts } from '../modules/calendar/working-days.js';
import { provinceCommunes } from './province.js';
import { type DemoResult, seedDemo } from './seed.js';

const env = useWorld();
let demo: DemoResult;

describe('the demo commune', () => {
  it('builds households, residents, staff logins and a morning at the one-stop counter', async () => {
    demo = await seedDemo(env.t.database, env.t.cipher, {
      residents: 300,
      seed: 7,
      password: 'mat-khau-demo-dai',
    });
    // The first commune as asked, and its five smaller neighbours (province.ts).
    expect(demo.communes).toBe(6);
    expect(demo.residents).toBe(300 + provinceCommunes.reduce((n, c) => n + c.residents, 0));
    expect(demo.logins.map((l) => l.username)).toEqual(['admin', 'tinh', 'lanhdao', 'motcua', 'totruong', 'sotuso']);
    // Each has a contact where reminders reach them: the officer's email, the group head's phone only.
    const contacts = await env.t.database.raw<{ username: string; email: string | null; phone_enc: string | null }>(
      `select username, email, phone_enc from users where username in ('motcua', 'totruong') order by username`,
    );
    expect(contacts.map((c) => [c.username, c.email, c.phone_enc && env.t.cipher.decrypt(c.phone_enc)])).toEqual([
      ['motcua', 'motcua@xa.ketnoi.example.vn', '+84900000102'],
      ['totruong', null, '+84900000103'],
    ]);
    const officer = await login(env.t.app, 'motcua', 'mat-khau-demo-dai');
    // This morning's dossiers carry today's codes; the year before them is checked in the next test.
    const [commune] = await env.t.database.raw<{ code: string }>(
      `select u.code from units u join role_assignments r on r.unit_id = u.id join users x on x.id = r.user_id
      where x.username = 'motcua'`,
    );
    const todayCode = `${commune!.code}-${localParts(new Date()).day.slice(2).replaceAll('-', '')}-`;
    const all = (await officer.get(`/api/dossiers?queue=all&q=${todayCode}&limit=50`)).json().items as {
      status: string;
      rating: string | null;
      awaitingApproval: boolean;
    }[];
    expect(all).toHaveLength(6);
    expect(new Set(all.map((d) => d.status))).toEqual(
      new Set(['RETURNED', 'PROCESSING', 'NEW', 'SUPPLEMENT_REQUESTED', 'RECEIVED']),
    );
    expect(all.find((d) => d.status === 'RETURNED')!.rating).toBe('SATISFIED');
    expect(all.filter((d) => d.awaitingApproval)).toHaveLength(1);
    // Fees paid in cash at the counter, and one by a bank transfer the officer recorded (with its reference).
    expect(
      await env.t.database.raw(
        `select distinct method, reference is not null as has_reference from payments where method in ('CASH', 'TRANSFER') order by method`,
      ),
    ).toEqual([
      { method: 'CASH', has_reference: false },
      { method: 'TRANSFER', has_reference: true },
    ]);

    // The leader's announcements screens: a flag-day message sent to three groups, partly reached and acknowledged.
    const leader = await login(env.t.app, 'lanhdao', 'mat-khau-demo-dai');
    const [flagDay] = (await leader.get('/api/announcements')).json().items;
    expect(flagDay).toMatchObject({ status: 'SENT', title: 'Treo cờ Tổ quốc mừng ngày Quốc khánh' });
    const reach = (await leader.get(`/api/announcements/${flagDay.id}/reach`)).json();
    const rates = (await leader.get('/api/groups/membership')).json().items as { rate: number }[];
    // Up to three groups (a 300-person demo commune has two), each with some households joined.
    expect(reach.groups.length).toBe(Math.min(3, rates.length));
    expect(rates.filter((g) => g.rate > 0)).toHaveLength(reach.groups.length);
    expect(reach.totals.reached).toBeGreaterThan(0);
    expect(reach.totals.reached).toBeLessThan(reach.totals.targeted);
    expect(reach.totals.acknowledged).toBeGreaterThan(0);
    // Why some did not arrive: refused numbers on SMS, no mail server for the staff email.
    const sent = (await leader.get(`/api/announcements/${flagDay.id}/deliveries`)).json();
    const reasons = (c: string) =>
      sent.channels.find((x: { channel: string }) => x.channel === c).reasons.map((r: { reason: string }) => r.reason);
    expect(reasons('SMS')).toContain('REFUSED');
    expect(reasons('EMAIL')).toEqual(['NOT_CONFIGURED']);

    // A VNeID campaign under way: progress, a burndown with visits on several days, households left, the team's phone
    // pack.
    const [campaign] = (await leader.get('/api/campaigns')).json().items;
    const progress = (await leader.get(`/api/campaigns/${campaign.id}/progress`)).json();
    expect(progress.total.done).toBeGreaterThan(0);
    expect(progress.total.done).toBeLessThan(progress.total.targets);
    expect(
      (await leader.get(`/api/campaigns/${campaign.id}/history`))
        .json()
        .days.filter((d: { done: number }) => d.done > 0).length,
    ).toBeGreaterThan(3);
    expect(
      (await leader.get(`/api/campaigns/${campaign.id}/left`))
        .json()
        .items.some((h: { bestTime: string | null }) => h.bestTime === 'Sau 19 giờ'),
    ).toBe(true);
    const member = await login(env.t.app, 'sotuso', 'mat-khau-demo-dai');
    expect((await member.get(`/api/campaigns/${campaign.id}/field`)).json().households.length).toBeGreaterThan(0);
    expect(
      (
        await login(env.t.app, 'totruong', 'mat-khau-demo-dai').then((head) =>
          head.get(`/api/campaigns/${campaign.id}/conflicts`),
        )
      ).json().items[0],
    ).toMatchObject({ conflict: 'NOT_ASSIGNED' });
    // The team has a member with no login (offered one on the team's card), and a household stranded on her list.
    const [team] = (await leader.get('/api/teams')).json().items;
    expect(team.members.filter((m: { canSignIn: boolean }) => !m.canSignIn)).toHaveLength(1);
    expect((await leader.get(`/api/campaigns/${campaign.id}/assignments`)).json().stranded).toBe(1);

    // The registry kept by hand in the group head's thôn: a boarding house with current and past tenants, and its
    // history (the latest change can be undone).
    const head = await login(env.t.app, 'totruong', 'mat-khau-demo-dai');
    const [house] = (await head.get('/api/households?kind=BOARDING_HOUSE&q=hoa%20sua')).json().items;
    const detail = (await head.get(`/api/households/${house.id}`)).json();
    expect(detail.members.filter((m: { leftOn: string | null }) => !m.leftOn)).toHaveLength(2);
    expect(detail.members.filter((m: { leftOn: string | null }) => m.leftOn)).toHaveLength(2);
    const history = (await head.get(`/api/households/${house.id}/history`)).json().items;
    expect(history.map((c: { kind: string }) => c.kind)).toEqual(['LEAVE', 'LEAVE', ...Array(4).fill('ADD_MEMBER')]);
    expect(history[0]).toMatchObject({ by: 'totruong', undoBlocked: null });
    // The whole `npm start` demo, a year of scorecards included: about 20 s on a busy two-core machine.
  }, 120_000);

  // Reads what the first test built (seeding again would double its time).
  it('gives the province a year of scorecards: 12 months frozen and published, communes at different paces', async () => {
    const raw = env.t.database.raw;
    expect(demo.scorecards!.frozen).toHaveLength(12);
    const [province] = await raw<{ id: number }>(`select id from units where tier = 'PROVINCE' and code = '31'`);
    const snapshots = await raw<{ period: string; published: boolean; values: number }>(
      `select period, published_at is not null as published, values from scorecard_snapshots
       where province_id = ${province!.id} order by period`,
    );
    expect(snapshots.map((s) => s.period)).toEqual(demo.scorecards!.frozen);
    expect(snapshots.every((s) => s.published && s.values > 0)).toBe(true);
    // Every demo commune has frozen values in each of the 12 months, and open ones in the current month.
    const months = await raw<{ name: string; frozen: number; open: number }>(
      `select u.name, count(distinct v.period) filter (where v.frozen_at is not null)::int as frozen,
         count(*) filter (where v.period = '${demo.scorecards!.current}' and v.frozen_at is null)::int as open
       from units u join scorecard_values v on v.unit_id = u.id
       where u.tier = 'COMMUNE' and u.legal_basis = 'Dữ liệu minh họa' group by u.name`,
    );
    expect(months).toHaveLength(6);
    for (const m of months) expect(m, m.name).toMatchObject({ frozen: 12 });
    for (const m of months) expect(m.open, m.name).toBeGreaterThan(0);
    // The five neighbours, built from the furthest ahead to the furthest behind, rank in that order last month.
    const last = demo.scorecards!.frozen.at(-1);
    const ranked = (code: string) =>
      raw<{ value: number }>(
        `select v.value from scorecard_values v join units u on u.id = v.unit_id
           join scorecard_indicators i on i.id = v.indicator_id and i.code = '${code}' and i.owner_unit_id is null
         where v.period = '${last}' and u.tier = 'COMMUNE' and u.legal_basis = 'Dữ liệu minh họa'
         order by u.id offset 1`,
      ).then((rows) => rows.map((r) => r.value));
    const accounts = await ranked('VNEID_L2');
    expect(accounts).toHaveLength(5);
    expect(accounts).toEqual([...accounts].sort((a, b) => b - a));
    // A month's dossiers are a few dozen in a small commune: neighbours may swap, the ends may not.
    const online = await ranked('DOSSIER_ONLINE');
    expect(online[0]! - online[4]!).toBeGreaterThan(0.3);
    // Accounts checked over the year: the first commune's share grows from the first frozen month to the last.
    const trend = await raw<{ value: number }>(
      `select v.value from scorecard_values v join scorecard_indicators i on i.id = v.indicator_id
       join units u on u.id = v.unit_id
       where i.code = 'VNEID_L2' and u.id = (select min(id) from units where legal_basis = 'Dữ liệu minh họa'
         and tier = 'COMMUNE') and v.frozen_at is not null order by v.period`,
    );
    expect(trend[11]!.value - trend[0]!.value).toBeGreaterThan(0.1);

    // Entered values: approved with a PDF as evidence, one waiting for the province, one returned with its reason.
    const entries = await raw<{ status: string; n: number; evidence: number; reasons: number }>(
      `select e.status, count(*)::int as n, count(distinct v.entry_id)::int as evidence,
         count(e.return_reason)::int as reasons
       from scorecard_entries e left join scorecard_evidence v on v.entry_id = e.id
       group by e.status order by e.status`,
    );
    const by = Object.fromEntries(entries.map((e) => [e.status, e]));
    expect(by.SUBMITTED).toMatchObject({ n: 1, evidence: 1 });
    expect(by.RETURNED).toMatchObject({ n: 1, evidence: 0, reasons: 1 });
    expect(by.APPROVED!.evidence).toBe(by.APPROVED!.n);
    const [file] = await raw<{ head: string }>(
      `select convert_from(substring(content from 1 for 5), 'UTF8') as head from scorecard_evidence limit 1`,
    );
    expect(file!.head).toBe('%PDF-');
    // Targets (the province's and one commune's stricter), inventory in every commune, the first commune's page.
    const [counts] = await raw<{ stricter: number; inventory: number; published: number }>(
      `select (select count(*)::int from scorecard_targets t join units u on u.id = t.unit_id
                where u.tier = 'COMMUNE') as stricter,
         (select count(distinct unit_id)::int from inventory_items) as inventory,
         (select count(*)::int from scorecard_publications) as published`,
    );
    expect(counts).toMatchObject({ stricter: 2, published: 5 });
    expect(counts!.inventory).toBeGreaterThanOrEqual(6);
  });
});
