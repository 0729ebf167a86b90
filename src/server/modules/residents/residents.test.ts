import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();

const names = (res: { json(): { items: { fullName: string }[] } }) => res.json().items.map((i) => i.fullName);

describe('GET /api/residents (search)', () => {
  it.each([
    ['nguyen van an', 'folded, lower case'],
    ['NGUYEN VAN AN', 'upper case without accents'],
    ['Nguyễn Văn An', 'with accents (NFC)'],
    ['Nguyễn Văn An'.normalize('NFD'), 'with accents (NFD)'],
    ['nguyễn văn an', 'lower case with accents'],
    ['van an', 'middle and given name'],
  ])('finds "Nguyễn Văn An" by %j (%s)', async (q) => {
    const res = await env.w.agents.leaderA.get(`/api/residents?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(['Nguyễn Văn An']);
  });

  it('"đ" matches "d": "le duc cuong" finds "Lê Đức Cường"', async () => {
    expect(names(await env.w.agents.leaderA.get('/api/residents?q=le%20duc%20cuong'))).toEqual(['Lê Đức Cường']);
  });

  it('finds by the exact ID number and by phone in any common format, through the blind index', async () => {
    expect(names(await env.w.agents.leaderA.get('/api/residents?q=031078001234'))).toEqual(['Nguyễn Văn An']);
    for (const phone of ['0912345678', '0912 345 678', '+84912345678', '84912345678']) {
      expect(names(await env.w.agents.leaderA.get(`/api/residents?q=${encodeURIComponent(phone)}`))).toEqual([
        'Nguyễn Văn An',
      ]);
    }
  });

  it('finds people by their household address', async () => {
    expect(
      names(await env.w.agents.leaderA.get(`/api/residents?q=${encodeURIComponent('ngo 3 thon dong')}`)).sort(),
    ).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
  });

  it('is scoped: commune B cannot find commune A people, even by exact ID number', async () => {
    expect(names(await env.w.agents.leaderB.get('/api/residents?q=nguyen%20van%20an'))).toEqual([]);
    expect(names(await env.w.agents.leaderB.get('/api/residents?q=031078001234'))).toEqual([]);
    expect(names(await env.w.agents.leaderB.get('/api/residents'))).toEqual(['Phạm Thị Dung']);
  });

  it('a group head sees only their group (alley included); the province sees both communes but not another province', async () => {
    expect(names(await env.w.agents.headA1.get('/api/residents')).sort()).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(names(await env.w.agents.province.get('/api/residents')).sort()).toEqual([
      'Lê Đức Cường',
      'Nguyễn Văn An',
      'Phạm Thị Dung',
      'Trần Thị Bình',
    ]);
  });

  it('filters by unit subtree and pages with hasMore', async () => {
    expect(names(await env.w.agents.leaderA.get(`/api/residents?unit=${env.w.groupA2.id}`))).toEqual(['Lê Đức Cường']);
    const page1 = await env.w.agents.leaderA.get('/api/residents?limit=2&page=1');
    expect(page1.json()).toMatchObject({ page: 1, limit: 2, hasMore: true });
    const page2 = await env.w.agents.leaderA.get('/api/residents?limit=2&page=2');
    expect(page2.json().hasMore).toBe(false);
    expect([...names(page1), ...names(page2)].sort()).toEqual(['Lê Đức Cường', 'Nguyễn Văn An', 'Trần Thị Bình']);
  });

  it('404 for a unit filter outside the scope (no probing)', async () => {
    expect((await env.w.agents.leaderB.get(`/api/residents?unit=${env.w.groupA1.id}`)).statusCode).toBe(404);
  });

  it('masks ID and phone in lists', async () => {
    const [item] = (await env.w.agents.leaderA.get('/api/residents?q=031078001234')).json().items;
    expect(item.personalIdMasked).toBe('••••••••1234');
    expect(item.phoneMasked).toBe('•••••••678');
    expect(JSON.stringify(item)).not.toContain('031078001234');
  });
});

describe('GET /api/residents/:id', () => {
  it('200 with details, members over time, and sensitive fields for a commune leader; audited', async () => {
    const res = await env.w.agents.leaderA.get(`/api/residents/${env.w.residents.an.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      fullName: 'Nguyễn Văn An',
      personalIdMasked: '••••••••1234',
      phoneMasked: '•••••••678',
      sensitive: { ethnicity: 'Kinh', healthNotes: 'Tiểu đường' },
    });
    // The record itself never carries the full numbers: they come only from an audited reveal.
    expect(res.body).not.toContain('031078001234');
    expect(res.body).not.toContain('912345678');
    expect(body.memberships).toHaveLength(1);
    const audit = await env.t.database.raw<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'resident.read' and entity_id = $1 and username = $2`,
      [String(env.w.residents.an.id), env.w.accounts.leaderA.username],
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('omits sensitive fields for roles that do not need them (group head, digital team, province)', async () => {
    for (const agent of [env.w.agents.headA1, env.w.agents.teamA1, env.w.agents.province]) {
      const body = (await agent.get(`/api/residents/${env.w.residents.an.id}`)).json();
      expect(body.fullName).toBe('Nguyễn Văn An');
      expect(body.sensitive).toBeUndefined();
      expect(JSON.stringify(body)).not.toContain('Tiểu đường');
    }
  });

  it('404 outside the scope, with no personal data in the body', async () => {
    const res = await env.w.agents.leaderB.get(`/api/residents/${env.w.residents.an.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Nguyễn');
  });
});

describe('POST /api/residents/:id/reveal', () => {
  const reveals = async (username: string) =>
    (
      await env.t.database.raw<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'resident.unmask' and entity_id = $1 and username = $2`,
        [String(env.w.residents.an.id), username],
      )
    )[0]!.n;

  it('shows the full ID number and phone to a group head in their group, one audit entry each time', async () => {
    const before = await reveals(env.w.accounts.headA1.username);
    for (let i = 0; i < 2; i++) {
      const res = await env.w.agents.headA1.post(`/api/residents/${env.w.residents.an.id}/reveal`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ personalId: '031078001234', phone: '+84912345678' });
    }
    expect(await reveals(env.w.accounts.headA1.username)).toBe(before + 2);
  });

  it('refuses the digital team (they see what the field app shows) and anyone outside the unit, nothing audited', async () => {
    const team = await env.w.agents.teamA1.post(`/api/residents/${env.w.residents.an.id}/reveal`);
    expect(team.statusCode).toBe(403);
    expect(team.body).not.toContain('031078001234');
    const detail = (await env.w.agents.teamA1.get(`/api/residents/${env.w.residents.an.id}`)).json();
    expect(detail.personalIdMasked).toBe('••••••••1234');
    expect(JSON.stringify(detail)).not.toContain('031078001234');
    const outside = await env.w.agents.leaderB.post(`/api/residents/${env.w.residents.an.id}/reveal`);
    expect(outside.statusCode).toBe(404);
    expect(await reveals(env.w.accounts.teamA1.username)).toBe(0);
    expect(await reveals(env.w.accounts.leaderB.username)).toBe(0);
  });
});

describe('encryption at rest', () => {
  it('stores neither the ID number nor the phone in clear text', async () => {
    const rows = await env.t.database.raw<Record<string, unknown>>(`select * from residents where id = $1`, [
      env.w.residents.an.id,
    ]);
    const raw = JSON.stringify(rows[0]);
    expect(raw).not.toContain('031078001234');
    expect(raw).not.toContain('912345678');
    expect(rows[0]!.personal_id_bidx).toBe(env.t.cipher.blindIndex('031078001234', 'pid'));
  });
});

describe('POST /api/residents', () => {
  const base = () => ({
    householdId: env.w.households.hA1.id,
    fullName: '  Nguyễn   Thị  Hoa ',
    birthDate: '2005-04-10',
    gender: 'FEMALE',
    personalId: '031305001111',
    phone: '0987 654 321',
    relation: 'CHILD',
    residenceType: 'PERMANENT',
    joinedOn: '2005-04-10',
    tags: ['học sinh'],
  });

  it('201: registers into a household, cleans the name, normalises the phone to +84', async () => {
    const res = await env.w.agents.headA1.post('/api/residents', base());
    expect(res.statusCode).toBe(201);
    const shown = await env.w.agents.headA1.post(`/api/residents/${res.json().id}/reveal`);
    expect(shown.json().phone).toBe('+84987654321');
    expect(res.json()).toMatchObject({
      fullName: 'Nguyễn Thị Hoa',
      phoneMasked: '•••••••321',
      unitId: env.w.alleyA1.id,
      householdId: env.w.households.hA1.id,
      tags: ['học sinh'],
    });
    expect(res.json().memberships[0]).toMatchObject({
      relation: 'CHILD',
      residenceType: 'PERMANENT',
      joinedOn: '2005-04-10',
      leftOn: null,
    });
  });

  it.each([
    [{ personalId: '03130500111' }, 'PERSONAL_ID_FORMAT'],
    [{ personalId: '031205001112' }, 'PERSONAL_ID_GENDER'],
    [{ personalId: '031306001113' }, 'PERSONAL_ID_BIRTH_YEAR'],
    [{ personalId: '099305001114' }, 'PERSONAL_ID_PROVINCE'],
    [{ phone: '12345' }, 'PHONE'],
    [{ joinedOn: '1999-12-31' }, 'BEFORE_BIRTH'],
    [{ birthDate: '2999-01-01', joinedOn: '2999-01-01' }, 'FUTURE'],
  ])('400 for %j with code %s and nothing written', async (patch, code) => {
    const before = await env.t.database.raw<{ n: number }>('select count(*)::int as n from residents');
    const res = await env.w.agents.headA1.post('/api/residents', { ...base(), ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { code: string }) => e.code)).toContain(code);
    const after = await env.t.database.raw<{ n: number }>('select count(*)::int as n from residents');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('keeps a birth known only to the year or the month as given; refuses a month that does not exist', async () => {
    const res = await env.w.agents.headA1.post('/api/residents', {
      ...base(),
      personalId: '031156004444',
      birthDate: '1956',
      joinedOn: '2001-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().birthDate).toBe('1956');
    const id = res.json().id;
    const patched = await env.w.agents.headA1.patch(`/api/residents/${id}`, {
      version: res.json().version,
      birthDate: '1956-05',
    });
    expect(patched.json().birthDate).toBe('1956-05');
    const stored = await env.t.database.raw<{ d: string; p: string }>(
      `select birth_date::text as d, birth_precision as p from residents where id = ${id}`,
    );
    expect(stored[0]).toEqual({ d: '1956-05-01', p: 'MONTH' });
    const bad = await env.w.agents.headA1.post('/api/residents', { ...base(), personalId: null, birthDate: '1956-13' });
    expect(bad.statusCode).toBe(400);
  });

  it('409 when the ID number already belongs to someone', async () => {
    const res = await env.w.agents.leaderA.post('/api/residents', {
      ...base(),
      fullName: 'Người Khác',
      personalId: '031078001234',
      gender: 'MALE',
      birthDate: '1978-01-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
  });

  it('403 when a group head writes sensitive fields; 404 for a household outside the scope', async () => {
    expect(
      (await env.w.agents.headA1.post('/api/residents', { ...base(), personalId: null, ethnicity: 'Tày' })).statusCode,
    ).toBe(403);
    expect(
      (
        await env.w.agents.headA1.post('/api/residents', {
          ...base(),
          personalId: null,
          householdId: env.w.households.hA2.id,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('PATCH /api/residents/:id', () => {
  it('updates VNeID level with the current version, 409 on a stale version', async () => {
    const current = (await env.w.agents.teamA1.get(`/api/residents/${env.w.residents.binh.id}`)).json();
    expect(
      (
        await env.w.agents.teamA1.patch(`/api/residents/${env.w.residents.binh.id}`, {
          version: current.version,
          vneidLevel: 'L2',
        })
      ).statusCode,
    ).toBe(403); // digital team reads only
    const ok = await env.w.agents.headA1.patch(`/api/residents/${env.w.residents.binh.id}`, {
      version: current.version,
      vneidLevel: 'L2',
      vneidCheckedOn: '2026-11-01',
      hasSmartphone: true,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ vneidLevel: 'L2', vneidCheckedOn: '2026-11-01', version: current.version + 1 });
    const stale = await env.w.agents.headA1.patch(`/api/residents/${env.w.residents.binh.id}`, {
      version: current.version,
      vneidLevel: 'L1',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('re-checks the stored ID number when the birth date changes', async () => {
    const current = (await env.w.agents.leaderA.get(`/api/residents/${env.w.residents.an.id}`)).json();
    const res = await env.w.agents.leaderA.patch(`/api/residents/${env.w.residents.an.id}`, {
      version: current.version,
      birthDate: '1979-03-15',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('PERSONAL_ID_BIRTH_YEAR');
  });
});

describe('POST /api/residents/:id/move and /leave', () => {
  it('moves a person between households keeping history, then records them leaving', async () => {
    const target = await env.w.f.household(env.w.groupA2, { address: 'Số 3 thôn Tây' });
    const moved = await env.w.agents.leaderA.post(`/api/residents/${env.w.residents.binh.id}/move`, {
      householdId: target.id,
      relation: 'HEAD',
      residenceType: 'TEMPORARY',
      movedOn: '2026-10-01',
      reason: 'Ra ở riêng',
    });
    expect(moved.statusCode).toBe(200);
    const body = moved.json();
    expect(body.householdId).toBe(target.id);
    expect(body.unitId).toBe(env.w.groupA2.id);
    expect(body.memberships).toHaveLength(2);
    expect(body.memberships[0]).toMatchObject({
      householdId: target.id,
      leftOn: null,
      relation: 'HEAD',
      residenceType: 'TEMPORARY',
    });
    expect(body.memberships[1]).toMatchObject({
      householdId: env.w.households.hA1.id,
      leftOn: '2026-10-01',
      leftReason: 'Ra ở riêng',
    });
    const household = (await env.w.agents.leaderA.get(`/api/households/${target.id}`)).json();
    expect(household.headName).toBe('Trần Thị Bình');
    // The group head of A1 no longer sees her: she lives in A2 now.
    expect((await env.w.agents.headA1.get(`/api/residents/${env.w.residents.binh.id}`)).statusCode).toBe(404);
    const left = await env.w.agents.leaderA.post(`/api/residents/${env.w.residents.binh.id}/leave`, {
      leftOn: '2026-11-01',
      reason: 'Chuyển đi tỉnh khác',
    });
    expect(left.statusCode).toBe(200);
    expect(left.json().householdId).toBeNull();
    expect(names(await env.w.agents.leaderA.get('/api/residents?q=tran%20thi%20binh'))).toEqual([]);
    expect(names(await env.w.agents.leaderA.get('/api/residents?q=tran%20thi%20binh&includeFormer=true'))).toEqual([
      'Trần Thị Bình',
    ]);
  });

  it('409 when moving into a closed unit', async () => {
    const closedGroup = await env.w.f.group(env.w.communeA);
    const h = await env.w.f.household(closedGroup);
    await env.w.agents.leaderA.post(`/api/units/${closedGroup.id}/close`, { reason: 'Sáp nhập thôn' });
    const res = await env.w.agents.leaderA.post(`/api/residents/${env.w.residents.cuong.id}/move`, {
      householdId: h.id,
      movedOn: '2026-10-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('UNIT_CLOSED');
  });
});

describe('name index (resident_name_keys)', () => {
  it('finds by a given name alone, and lists a name with a repeated word once', async () => {
    expect(names(await env.w.agents.leaderA.get('/api/residents?q=cuong'))).toEqual(['Lê Đức Cường']);
    await env.w.f.resident(env.w.households.hA2, { fullName: 'Đào Văn Văn' });
    expect(names(await env.w.agents.leaderA.get('/api/residents?q=van%20van'))).toEqual(['Đào Văn Văn']);
    expect(
      names(await env.w.agents.leaderA.get('/api/residents?q=dao%20van')).filter((n: string) => n === 'Đào Văn Văn'),
    ).toHaveLength(1);
  });

  it('keeps the name index in step with renames and moves (scope follows the person)', async () => {
    const p = await env.w.f.resident(env.w.households.hA2, { fullName: 'Hà Văn Cũ' });
    const detail = (await env.w.agents.leaderA.get(`/api/residents/${p.id}`)).json();
    await env.w.agents.leaderA.patch(`/api/residents/${p.id}`, { version: detail.version, fullName: 'Hà Văn Mới' });
    expect(names(await env.w.agents.leaderA.get('/api/residents?q=ha%20van%20cu'))).toEqual([]);
    expect(names(await env.w.agents.leaderA.get('/api/residents?q=ha%20van%20moi'))).toEqual(['Hà Văn Mới']);
    const target = await env.w.f.household(env.w.groupA1);
    await env.w.agents.leaderA.post(`/api/residents/${p.id}/move`, { householdId: target.id, movedOn: '2026-05-01' });
    expect(names(await env.w.agents.headA1.get('/api/residents?q=ha%20van%20moi'))).toEqual(['Hà Văn Mới']);
  });
});
