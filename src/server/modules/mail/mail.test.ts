import { dossierKit } from '../dossiers/dossiers.test-kit.js';
import { describe, expect, it } from 'vitest';
import { bodyOf, useFakeSmtp } from '../../../../test/fake-smtp.js';
import { eventually } from '../../../../test/helpers.js';
import { useWorld } from '../../../../test/world.js';
import { dossierStatuses } from '../../../shared/onestop.js';
import { flushOutbox } from './mail.service.js';
import { mailPhrases } from './mail.templates.js';

const smtp = useFakeSmtp({
  PUBLIC_URL: 'https://ketnoi.example.vn',
  MAIL_FROM: 'Bo phan mot cua <motcua@xa-an-hoa.vn>',
});
const received = smtp.received;
const env = useWorld(smtp.overrides);

describe('applicant emails over real SMTP', () => {
  it('tells the applicant when the dossier is submitted and each time its status changes, with the status link', async () => {
    const res = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: {
        unitCode: env.w.communeA.code,
        procedureCode: '1.004873',
        applicant: { fullName: 'Lê Thị Thư', personalId: '031190002222', phone: '0912345000', email: 'thu@example.vn' },
        fields: { purpose: 'Kết hôn' },
        uploads: await dossierKit(env).requiredPapers('1.004873'),
        returnMethod: 'ONLINE',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code, token } = res.json();
    const first = await eventually(async () => received.find((m) => m.to.includes('thu@example.vn')));
    expect(first.from).toBe('motcua@xa-an-hoa.vn');
    const text = bodyOf(first.raw);
    expect(text).toContain(`Hồ sơ ${code}`);
    expect(text).toContain(`https://ketnoi.example.vn/s/${token}`);

    const receivedAction = await env.w.agents.onestopA.post(`/api/dossiers/${id}/actions`, {
      action: 'RECEIVE',
      version: 1,
    });
    expect(receivedAction.statusCode).toBe(200);
    const second = await eventually(async () => received.filter((m) => m.to.includes('thu@example.vn'))[1]);
    expect(bodyOf(second.raw)).toContain('đã được tiếp nhận');
    expect(bodyOf(second.raw)).toContain('Ngày hẹn trả kết quả');
    // Internal steps are not mailed: sending for approval changes nothing for the citizen.
    await env.w.agents.onestopA.post(`/api/dossiers/${id}/actions`, {
      action: 'ASSIGN',
      version: 2,
      assigneeId: env.w.accounts.onestopA.id,
    });
    await env.w.agents.onestopA.post(`/api/dossiers/${id}/actions`, { action: 'SEND_FOR_APPROVAL', version: 3 });
    const [{ count }] = (await env.t.database.raw<{ count: number }>(
      `select count(*)::int as count from mail_outbox where dossier_id = $1`,
      [id],
    )) as [{ count: number }];
    expect(count).toBe(3);
  });

  it("writes the fixed text in the language the applicant submitted in (the lang cookie), the procedure's name as entered", async () => {
    const res = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      cookies: { lang: 'ja' },
      payload: {
        unitCode: env.w.communeA.code,
        procedureCode: '1.004873',
        applicant: { fullName: 'Sato Yuki', personalId: '031190003333', phone: '0912345001', email: 'yuki@example.jp' },
        fields: { purpose: 'Kết hôn' },
        uploads: await dossierKit(env).requiredPapers('1.004873'),
        returnMethod: 'ONLINE',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { code, token } = res.json();
    const mail = await eventually(async () => received.find((m) => m.to.includes('yuki@example.jp')));
    const text = bodyOf(mail.raw);
    expect(text).toContain('Sato Yuki 様');
    expect(text).toContain(`申請${code}（Cấp Giấy xác nhận tình trạng hôn nhân）を送信しました`);
    expect(text).toContain(`申請の進み具合：https://ketnoi.example.vn/s/${token}`);
  });

  it('words every dossier status in every citizen language', () => {
    for (const [lang, p] of Object.entries(mailPhrases))
      expect([lang, Object.keys(p.status).sort()]).toEqual([lang, [...dossierStatuses].sort()]);
  });

  it('keeps a message and retries later when the mail server is unreachable', async () => {
    const d = await env.w.f.dossier(env.w.communeA);
    await env.t.database.raw(
      `insert into mail_outbox (to_address, kind, dossier_id, data)
       values ('retry@example.vn', 'DOSSIER_STATUS', $1, '{"action":"SUBMIT","toStatus":"NEW"}')`,
      [d.id],
    );
    const down = { ...env.t.config, smtpUrl: 'smtp://127.0.0.1:1' };
    const result = await flushOutbox({ database: env.t.database, config: down });
    expect(result.failed).toBeGreaterThanOrEqual(1);
    const [row] = await env.t.database.raw<{ status: string; attempts: number; later: boolean }>(
      `select status, attempts, next_attempt_at > now() as later
       from mail_outbox where to_address = 'retry@example.vn'`,
    );
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, later: true });
  });
});
