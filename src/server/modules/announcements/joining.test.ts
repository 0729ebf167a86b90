import { beforeAll, describe, expect, it } from 'vitest';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { login, type Agent } from '../../../../test/helpers.js';
import { useWorld } from '../../../../test/world.js';

// Joining a household to its group's channel proves membership: the phone that got the code is on record for a
// member of one household in the group, or the group head confirms. Nothing answered before that tells a stranger
// whether a phone, an ID number or an address is in the group.
const sms = useFakeSms();
Object.assign(sms.overrides, { DELIVERY_WORKER: 'off', PUBLIC_SUBMIT_PER_MINUTE: '120' });
const env = useWorld(sms.overrides);

const group = () => `/api/public/groups/${env.w.groupA1.id}`;
async function join(phone: string, extra: Record<string, unknown> = {}) {
  const sent = await env.t.app.inject({ method: 'POST', url: `${group()}/code`, payload: { phone } });
  expect(sent.statusCode).toBe(202);
  return env.t.app.inject({
    method: 'POST',
    url: `${group()}/join`,
    payload: {
      phone,
      code: sms.codeSentTo(phone.replace(/^0/, '+84')),
      channels: [{ channel: 'SMS' }],
      ...extra,
    },
  });
}
const page = async (token: string) =>
  (
    await env.t.app.inject({ method: 'GET', url: '/api/public/membership', headers: { 'x-member-token': token } })
  ).json();
const members = async (phone: string) =>
  (
    await env.t.database.raw<{ n: number }>('select count(*)::int as n from group_members where phone_bidx = $1', [
      env.t.cipher.blindIndex(phone, 'phone'),
    ])
  )[0]!.n;

const tokens: Record<string, string> = {};
const households: Record<string, number> = {};
let headA2: Agent;

beforeAll(async () => {
  const { w } = env;
  // A grandmother's phone is on record in her own household and her son's: it cannot name one household alone.
  for (const [key, address] of [
    ['old', 'Số 9, ngõ 3, thôn Đông'],
    ['son', 'Số 11, ngõ 3, thôn Đông'],
  ] as const) {
    const h = await w.f.household(w.alleyA1, { address });
    await w.f.resident(h, { fullName: `Vũ Thị Lan ${key}`, phone: '+84988000111', head: true });
    households[key] = h.id;
  }
  const head = await w.f.user('GROUP_HEAD', w.groupA2);
  headA2 = await login(env.t.app, head.username, head.password);
});

describe('joining a group channel', () => {
  it('takes only a code sent for joining: a citizen sign-up code for the same phone does not join', async () => {
    const phone = '0912345678'; // Nguyễn Văn An's, on record in group A1
    await env.t.app.inject({ method: 'POST', url: '/api/public/citizens/code', payload: { phone } });
    const res = await env.t.app.inject({
      method: 'POST',
      url: `${group()}/join`,
      payload: { phone, code: sms.codeSentTo('+84912345678'), channels: [{ channel: 'SMS' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(await members(phone)).toBe(0);
  });

  it('answers alike (202, the same body but its token) whether the phone is on record in several households or nowhere, whatever ID number is typed; none binds', async () => {
    const answers = [
      // On record in two households of the group, with a real ID number of the group (Bình's).
      await join('0988000111', { personalId: '031180004321', note: 'Vũ Thị Lan, số 9' }),
      // On record nowhere, with an ID number of the group: before, the ID number alone joined Bình's household.
      await join('0977000444', { personalId: '031180004321' }),
      // On record nowhere, with an ID number that is nowhere.
      await join('0977000333', { personalId: '031199999999' }),
    ];
    for (const a of answers) {
      expect(a.statusCode, a.body).toBe(202);
      expect(a.headers['content-length']).toBe(answers[0]!.headers['content-length']);
      const { manageToken, ...rest } = a.json();
      expect(rest).toEqual({ status: 'PENDING', groupName: 'Thôn Đông' });
      expect(manageToken).toMatch(/^[\w-]{32}$/);
      expect(a.body).not.toMatch(/Số|thôn Đông|Vũ|Trần|address/);
    }
    for (const [key, a] of ['shared', 'unknownWithId', 'unknown'].map((k, i) => [k, answers[i]!] as const))
      tokens[key] = a.json().manageToken as string;
    for (const phone of ['+84988000111', '+84977000444', '+84977000333']) expect(await members(phone)).toBe(0);
    expect(await page(tokens.shared!)).toEqual({
      status: 'PENDING',
      group: { id: env.w.groupA1.id, name: 'Thôn Đông', commune: 'Xã An Hòa' },
      language: 'vi',
      channels: [],
      announcements: [],
    });
    // A phone on record for a member of one household joins at once: only then is the household's address said.
    const an = await join('0912345678');
    expect(an.statusCode).toBe(201);
    expect(an.json()).toMatchObject({ status: 'JOINED', address: 'Số 7, ngõ 3, thôn Đông' });
  });

  it("shows the group head the waiting requests in their group — the phone proven, the note, the households it is on record in — and nobody else's", async () => {
    const { w } = env;
    const list = await w.agents.headA1.get('/api/groups/join-requests');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { phone: string; note: string | null; candidates: { address: string }[] }[];
    expect(items.map((r) => [r.phone, r.note, r.candidates.map((c) => c.address)])).toEqual([
      ['0988 000 111', 'Vũ Thị Lan, số 9', ['Số 9, ngõ 3, thôn Đông', 'Số 11, ngõ 3, thôn Đông']],
      ['0977 000 444', null, []],
      ['0977 000 333', null, []],
    ]);
    expect((await w.agents.leaderA.get('/api/groups/join-requests')).json().items).toHaveLength(3);
    expect((await w.agents.leaderB.get('/api/groups/join-requests')).json().items).toEqual([]);
    expect((await headA2.get('/api/groups/join-requests')).json().items).toEqual([]);
    const [read] = await env.t.database.raw<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'group.join-requests.read'`,
    );
    expect(read!.n).toBe(2);
  });

  it("binds a request the group head confirms into the household they pick (one of the group's), audited; the device's page opens", async () => {
    const { w } = env;
    const items = (await w.agents.headA1.get('/api/groups/join-requests')).json().items as {
      id: number;
      phone: string;
    }[];
    const shared = items.find((r) => r.phone === '0988 000 111')!.id;
    const confirm = (agent: Agent, householdId: number) =>
      agent.post(`/api/groups/join-requests/${shared}/confirm`, { householdId });
    expect((await confirm(w.agents.headA1, w.households.hA2.id)).statusCode).toBe(404);
    expect((await confirm(w.agents.leaderB, households.son!)).statusCode).toBe(404);
    expect((await confirm(headA2, households.son!)).statusCode).toBe(404);
    expect((await confirm(w.agents.headA1, households.old!)).statusCode).toBe(204);
    expect((await confirm(w.agents.headA1, households.son!)).statusCode).toBe(409);
    const me = await page(tokens.shared!);
    expect(me).toMatchObject({ status: 'ACTIVE', group: { name: 'Thôn Đông' }, channels: [{ channel: 'SMS' }] });
    const [member] = await env.t.database.raw<{ household_id: number; resident_id: number | null }>(
      'select household_id, resident_id from group_members where phone_bidx = $1',
      [env.t.cipher.blindIndex('+84988000111', 'phone')],
    );
    expect(member!.household_id).toBe(households.old);
    expect(member!.resident_id).not.toBeNull();
    const [audit] = await env.t.database.raw<{ entity_id: string; username: string }>(
      `select entity_id, username from audit_log where action = 'group.join.confirm'`,
    );
    expect(audit).toEqual({ entity_id: String(households.old), username: w.accounts.headA1.username });
    const rates = (await w.agents.headA1.get('/api/groups/membership')).json().items;
    expect(rates[0]).toMatchObject({ name: 'Thôn Đông', members: 2 });
  });

  it('ends a request the group head refuses: nothing is joined, and the device says so', async () => {
    const { w } = env;
    const items = (await w.agents.headA1.get('/api/groups/join-requests')).json().items as {
      id: number;
      phone: string;
    }[];
    const unknown = items.find((r) => r.phone === '0977 000 333')!.id;
    expect((await w.agents.headA1.post(`/api/groups/join-requests/${unknown}/refuse`)).statusCode).toBe(204);
    expect((await w.agents.headA1.post(`/api/groups/join-requests/${unknown}/refuse`)).statusCode).toBe(409);
    expect(await page(tokens.unknown!)).toMatchObject({ status: 'REFUSED', channels: [], announcements: [] });
    expect(await members('+84977000333')).toBe(0);
    expect(
      (
        await env.t.app.inject({
          method: 'DELETE',
          url: '/api/public/membership',
          headers: { 'x-member-token': tokens.unknown! },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('settles a waiting request when the phone, once on record, joins by itself', async () => {
    const { w } = env;
    await w.f.resident(w.households.hA1, { fullName: 'Trần Văn Khải', phone: '+84977000444' });
    const again = await join('0977000444');
    expect(again.statusCode).toBe(201);
    const [request] = await env.t.database.raw<{ status: string }>(
      'select status from group_join_requests where phone_bidx = $1',
      [env.t.cipher.blindIndex('+84977000444', 'phone')],
    );
    expect(request!.status).toBe('WITHDRAWN');
    expect((await w.agents.headA1.get('/api/groups/join-requests')).json().items).toEqual([]);
  });
});
