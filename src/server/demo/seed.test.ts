import { describe, expect, it } from 'vitest';
import { login } from '../../../test/helpers.js';
import { useWorld } from '../../../test/world.js';
import { localParts } from '../modules/calendar/working-days.js';
import { seedDemo } from './seed.js';

const env = useWorld();

describe('the demo commune', () => {
  it('builds households, residents, staff logins and a morning at the one-stop counter', async () => {
    const demo = await seedDemo(env.t.database, env.t.cipher, {
      residents: 300,
      seed: 7,
      password: 'mat-khau-demo-dai',
    });
    expect(demo.residents).toBe(300);
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
  });
});
