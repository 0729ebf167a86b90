import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/multipart.js';
import { tinyPdf } from '../../../../test/scorecards-factories.js';
import { useWorld } from '../../../../test/world.js';
import { queryRows } from '../../db/client.js';

// The workflow of an entered value: draft → submitted → returned → submitted → approved (locked, refresh queued),
// then a correction as version 2; the rules a value must meet; who may do what.
const env = useWorld();

const upload = (content: Buffer, name = 'bao-cao.pdf') => multipartBody({}, { name, content });

async function refreshJobs() {
  return queryRows<{ data: { provinceId: number; periods: string[] } }>(
    env.t.database.db,
    sql`select data from pgboss.job where name = 'scorecards.refresh' order by created_on`,
  );
}

describe('an entered value from draft to approval', () => {
  it('is drafted, needs evidence to be sent, is returned with a reason, corrected, approved and then locked', async () => {
    const { t, w } = env;
    const { leaderA, onestopA, province } = w.agents;
    const indicatorId = await w.f.indicatorId('BROADBAND_HOUSEHOLDS');
    const body = { unitId: w.communeA.id, indicatorId, period: '2026-Q3', numerator: 612, denominator: 850 };

    const made = await leaderA.post('/api/scorecards/entries', body);
    expect(made.statusCode, made.body).toBe(201);
    const draft = made.json();
    expect(draft).toMatchObject({
      status: 'DRAFT',
      version: 1,
      value: 0.72,
      indicatorCode: 'BROADBAND_HOUSEHOLDS',
      unit: { id: w.communeA.id, name: 'Xã An Hòa', tier: 'COMMUNE' },
      correctsId: null,
      rowVersion: 1,
      evidence: [],
    });
    expect(draft.createdBy.id).toBe(w.accounts.leaderA.id);

    const again = await onestopA.post('/api/scorecards/entries', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ENTRY_OPEN');

    const bare = await leaderA.post(`/api/scorecards/entries/${draft.id}/submit`, { rowVersion: 1 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([expect.objectContaining({ field: 'evidence', code: 'EVIDENCE_REQUIRED' })]);

    const file = await leaderA.request({
      method: 'POST',
      url: `/api/scorecards/entries/${draft.id}/evidence`,
      ...upload(tinyPdf),
    });
    expect(file.statusCode, file.body).toBe(201);
    expect(file.json()).toMatchObject({ fileName: 'bao-cao.pdf', mimeType: 'application/pdf', size: tinyPdf.length });

    const sent = await leaderA.post(`/api/scorecards/entries/${draft.id}/submit`, { rowVersion: 1 });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'SUBMITTED', rowVersion: 2 });
    expect(sent.json().submittedAt).not.toBeNull();
    expect(sent.json().evidence).toHaveLength(1);

    // Submitted: no longer editable, its evidence fixed.
    const edit = await leaderA.patch(`/api/scorecards/entries/${draft.id}`, {
      numerator: 1,
      denominator: 2,
      rowVersion: 2,
    });
    expect(edit.statusCode).toBe(409);
    const drop = await leaderA.request({ method: 'DELETE', url: `/api/scorecards/evidence/${file.json().id}` });
    expect(drop.statusCode).toBe(409);

    const noReason = await province.post(`/api/scorecards/entries/${draft.id}/return`, { rowVersion: 2, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const returned = await province.post(`/api/scorecards/entries/${draft.id}/return`, {
      rowVersion: 2,
      reason: 'Số hộ không khớp với báo cáo của VNPT',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'RETURNED',
      returnReason: 'Số hộ không khớp với báo cáo của VNPT',
      decidedBy: { id: w.accounts.province.id },
    });

    const stale = await leaderA.patch(`/api/scorecards/entries/${draft.id}`, {
      numerator: 630,
      denominator: 850,
      rowVersion: 2,
    });
    expect(stale.statusCode).toBe(409);
    const fixed = await leaderA.patch(`/api/scorecards/entries/${draft.id}`, {
      numerator: 630,
      denominator: 850,
      note: 'Theo báo cáo VNPT quý III',
      rowVersion: 3,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'RETURNED', numerator: 630, value: 0.7412, rowVersion: 4 });
    const resent = await onestopA.post(`/api/scorecards/entries/${draft.id}/submit`, { rowVersion: 4 });
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({
      status: 'SUBMITTED',
      decidedBy: null,
      returnReason: 'Số hộ không khớp với báo cáo của VNPT',
    });

    const before = (await refreshJobs()).length;
    const approved = await province.post(`/api/scorecards/entries/${draft.id}/approve`, { rowVersion: 5 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'APPROVED', decidedBy: { id: w.accounts.province.id } });
    const jobs = await refreshJobs();
    expect(jobs).toHaveLength(before + 1);
    expect(jobs.at(-1)!.data).toEqual({ provinceId: w.province.id, periods: ['2026-07', '2026-08', '2026-09'] });

    // Locked by the trigger, whatever the route would allow.
    await expect(
      t.database.db.execute(sql`update scorecard_entries set numerator = 1 where id = ${draft.id}`),
    ).rejects.toThrow();
    expect(
      (await leaderA.patch(`/api/scorecards/entries/${draft.id}`, { numerator: 1, denominator: 2, rowVersion: 6 }))
        .statusCode,
    ).toBe(409);

    // A correction is version 2, pointing at the approved one, which stays as it was.
    const correction = await leaderA.post('/api/scorecards/entries', { ...body, numerator: 640 });
    expect(correction.statusCode, correction.body).toBe(201);
    expect(correction.json()).toMatchObject({ version: 2, correctsId: draft.id, status: 'DRAFT', numerator: 640 });

    const detail = await w.agents.headA1.get(`/api/scorecards/entries/${draft.id}`);
    expect(detail.statusCode).toBe(404); // a group head reads their group, not the commune's own values
    const full = await province.get(`/api/scorecards/entries/${draft.id}`);
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json().history.map((h: { version: number; status: string }) => [h.version, h.status])).toEqual([
      [2, 'DRAFT'],
      [1, 'APPROVED'],
    ]);
    const actions = full.json().audit.map((a: { action: string }) => a.action);
    expect(actions).toEqual([
      'scorecard.entry.correct',
      'scorecard.entry.approve',
      'scorecard.entry.submit',
      'scorecard.entry.update',
      'scorecard.entry.return',
      'scorecard.entry.submit',
      'scorecard.evidence.add',
      'scorecard.entry.create',
    ]);

    // The list gives the latest version of each value; with history, both.
    const latest = await leaderA.get(
      `/api/scorecards/entries?unit=${w.communeA.id}&period=2026-Q3&indicator=${indicatorId}`,
    );
    expect(latest.json().items.map((i: { version: number }) => i.version)).toEqual([2]);
    const all = await leaderA.get(
      `/api/scorecards/entries?unit=${w.communeA.id}&period=2026-Q3&indicator=${indicatorId}&history=true`,
    );
    expect(all.json().items.map((i: { version: number }) => i.version)).toEqual([2, 1]);
  });

  it('the approval queue lists the latest submitted versions; no one approves their own submission', async () => {
    const { w } = env;
    const cashless = await w.f.indicatorId('CASHLESS_SHOPS');
    const admin = w.agents.admin;
    const made = await admin.post('/api/scorecards/entries', {
      unitId: w.groupA1.id,
      indicatorId: cashless,
      period: '2026-Q2',
      numerator: 14,
      denominator: 40,
      note: 'Đếm trực tiếp các cửa hàng có mã QR',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect((await admin.post(`/api/scorecards/entries/${made.json().id}/submit`, { rowVersion: 1 })).statusCode).toBe(
      200,
    );

    const queue = await w.agents.province.get('/api/scorecards/entries?status=SUBMITTED');
    expect(queue.json().items.map((i: { id: number }) => i.id)).toContain(made.json().id);
    expect(queue.json().items.every((i: { status: string }) => i.status === 'SUBMITTED')).toBe(true);
    // The group head sees their group's value; commune B's leader does not.
    expect((await w.agents.headA1.get(`/api/scorecards/entries/${made.json().id}`)).statusCode).toBe(200);
    expect((await w.agents.leaderB.get(`/api/scorecards/entries/${made.json().id}`)).statusCode).toBe(404);

    const own = await admin.post(`/api/scorecards/entries/${made.json().id}/approve`, { rowVersion: 2 });
    expect(own.statusCode).toBe(403);
    expect(
      (await w.agents.province.post(`/api/scorecards/entries/${made.json().id}/approve`, { rowVersion: 2 })).statusCode,
    ).toBe(200);
  });

  it('refreshes only the months that have begun and are not frozen', async () => {
    const { t, w } = env;
    await t.database.db.execute(
      sql`insert into scorecard_snapshots (province_id, period, finished_at) values (${w.province.id}, '2026-01', now())`,
    );
    const { id } = await w.f.scorecardEntry(w.communeA, {
      code: 'COMPUTERS',
      period: '2026',
      status: 'SUBMITTED',
      numerator: 12,
      denominator: null,
    });
    const res = await w.agents.province.post(`/api/scorecards/entries/${id}/approve`, { rowVersion: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const months = (await refreshJobs()).at(-1)!.data.periods;
    expect(months[0]).toBe('2026-02');
    expect(months).not.toContain('2026-01');
    // Today (the machine's clock) bounds the list: no month after the current one.
    const now = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    expect(months.at(-1)).toBe(now < '2026-12' ? now : '2026-12');
  });
});

describe('what a value must be', () => {
  const post = (body: Record<string, unknown>) => env.w.agents.leaderA.post('/api/scorecards/entries', body);
  const fieldOf = async (body: Record<string, unknown>) => {
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(400);
    return res.json().errors[0] as { field: string; code: string };
  };

  it('refuses a computed indicator, the wrong kind of period, a unit tier the indicator does not measure', async () => {
    const { w } = env;
    const base = { unitId: w.communeA.id, numerator: 5, denominator: 10 };
    expect(await fieldOf({ ...base, indicatorId: await w.f.indicatorId('VNEID_L2'), period: '2026-10' })).toMatchObject(
      {
        field: 'indicatorId',
        code: 'NOT_ENTERED',
      },
    );
    const email = await w.f.indicatorId('STAFF_OFFICIAL_EMAIL');
    expect(await fieldOf({ ...base, indicatorId: email, period: '2026-10' })).toMatchObject({
      field: 'period',
      code: 'PERIOD_KIND',
    });
    expect(await fieldOf({ ...base, unitId: w.groupA1.id, indicatorId: email, period: '2026-Q1' })).toMatchObject({
      field: 'unitId',
      code: 'LEVEL',
    });
    expect(await fieldOf({ ...base, indicatorId: email, period: '2099-Q1' })).toMatchObject({
      field: 'period',
      code: 'NOT_STARTED',
    });
  });

  it('a percentage needs a whole that holds the part; a count takes no denominator', async () => {
    const { w } = env;
    const email = await w.f.indicatorId('STAFF_OFFICIAL_EMAIL');
    const cameras = await w.f.indicatorId('CAMERAS');
    const at = { unitId: w.communeA.id, period: '2026-Q1' };
    expect(await fieldOf({ ...at, indicatorId: email, numerator: 5 })).toMatchObject({
      field: 'denominator',
      code: 'REQUIRED',
    });
    expect(await fieldOf({ ...at, indicatorId: email, numerator: 12, denominator: 10 })).toMatchObject({
      field: 'numerator',
      code: 'ABOVE_DENOMINATOR',
    });
    expect(await fieldOf({ ...at, indicatorId: cameras, period: '2026', numerator: 5, denominator: 10 })).toMatchObject(
      {
        field: 'denominator',
        code: 'NOT_ALLOWED',
      },
    );
    expect(await fieldOf({ ...at, indicatorId: cameras, period: '2026', numerator: 5.5 })).toMatchObject({
      code: 'INTEGER',
    });
    const negative = await post({ ...at, indicatorId: cameras, period: '2026', numerator: -1 });
    expect(negative.statusCode).toBe(400);
    const ok = await post({ ...at, indicatorId: cameras, period: '2026', numerator: 24 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ measure: 'COUNT', value: 24, denominator: null });
  });

  it('a commune enters its own values, not another’s; a group head and the province enter none', async () => {
    const { w } = env;
    const body = { indicatorId: await w.f.indicatorId('CAMERAS'), period: '2025', numerator: 3 };
    expect((await w.agents.leaderA.post('/api/scorecards/entries', { ...body, unitId: w.groupB1.id })).statusCode).toBe(
      404,
    );
    expect((await w.agents.headA1.post('/api/scorecards/entries', { ...body, unitId: w.groupA1.id })).statusCode).toBe(
      403,
    );
    expect(
      (await w.agents.province.post('/api/scorecards/entries', { ...body, unitId: w.groupA1.id })).statusCode,
    ).toBe(403);
    const { id } = await w.f.scorecardEntry(w.groupB1, { status: 'SUBMITTED' });
    expect((await w.agents.leaderA.post(`/api/scorecards/entries/${id}/approve`, { rowVersion: 1 })).statusCode).toBe(
      403,
    );
    expect((await w.agents.leaderB.post(`/api/scorecards/entries/${id}/approve`, { rowVersion: 1 })).statusCode).toBe(
      403,
    );
  });
});
