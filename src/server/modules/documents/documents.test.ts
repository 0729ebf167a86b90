import { describe, expect, it } from 'vitest';
import { pdftotext } from '../../../../test/pdftotext.js';
import { useWorld } from '../../../../test/world.js';
import type { Actor } from '../../lib/auth-context.js';
import { formatDateVi } from '../../lib/pdf.js';
import { issueDocument } from './documents.service.js';

// Every document Ketnoi prints goes out under the commune's name, in Decree 30's frame, numbered in the commune's
// register: read back as a person copying its text would (pdftotext), it says what was printed.
const env = useWorld({ PUBLIC_URL: 'https://ketnoi.example.vn' });
const actor: Actor = { userId: null, username: null, roles: null, unitId: null, ip: '127.0.0.1', userAgent: 'test' };
const dated = (place: string, at = new Date()) => {
  const [dd, mm, yyyy] = formatDateVi(at).split('/');
  return `${place}, ngày ${dd} tháng ${mm} năm ${yyyy}`;
};
const numberIn = (text: string, symbol: string) => new RegExp(`Số: (\\d+)/${symbol}`).exec(text)?.[1];

describe('GET, PUT /api/documents/settings/:id', () => {
  it('gives the defaults, saves the signer, and refuses a stale version, a group, another commune and a group head', async () => {
    const { w } = env;
    const url = `/api/documents/settings/${w.communeA.id}`;
    const first = await w.agents.leaderA.get(url);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      unitId: w.communeA.id,
      issuer: { above: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG', name: 'ỦY BAN NHÂN DÂN XÃ AN HÒA' },
      authority: 'TM. ỦY BAN NHÂN DÂN',
      signerTitle: ['CHỦ TỊCH'],
      signerName: null,
      version: 0,
    });
    const body = {
      authority: 'tm. ủy ban nhân dân',
      signerTitle: ['KT. CHỦ TỊCH', 'Phó Chủ tịch'],
      signerName: 'Trần Thị Mai',
      version: 0,
    };
    const saved = await w.agents.leaderA.put(url, body);
    expect(saved.statusCode, saved.body).toBe(200);
    // Titles print in capitals, as the decree writes them.
    expect(saved.json()).toMatchObject({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      signerTitle: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      signerName: 'Trần Thị Mai',
      version: 1,
    });
    const stale = await w.agents.leaderA.put(url, { ...body, signerName: 'Lê Văn Tám' });
    expect(stale.statusCode).toBe(409);
    expect((await w.agents.leaderA.get(url)).json().signerName).toBe('Trần Thị Mai');
    expect((await w.agents.leaderA.put(`/api/documents/settings/${w.groupA1.id}`, body)).statusCode).toBe(400);
    expect((await w.agents.leaderA.put(`/api/documents/settings/${w.communeB.id}`, body)).statusCode).toBe(404);
    expect((await w.agents.headA1.put(url, { ...body, version: 1 })).statusCode).toBe(403);
    // A group head reads who signs the commune's notices they print; another commune's leader does not.
    expect((await w.agents.headA1.get(url)).json().signerName).toBe('Trần Thị Mai');
    expect((await w.agents.leaderB.get(url)).statusCode).toBe(404);
    expect((await w.agents.leaderA.put(url, { ...body, signerTitle: [], version: 1 })).statusCode).toBe(400);
    const [audit] = await env.t.database.raw<{ username: string }>(
      `select username from audit_log where action = 'document.settings' order by id desc limit 1`,
    );
    expect(audit!.username).toBe(w.accounts.leaderA.username);
  });
});

describe('document numbers', () => {
  it('are sequential per commune, year and kind, gap-free when printed at once, and kept when printed again', async () => {
    const { w } = env;
    const letters = async (agent: typeof w.agents.leaderA, campaignId: number) => {
      const res = await agent.get(`/api/campaigns/${campaignId}/letters.pdf`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      return Number(numberIn(pdftotext(res.rawPayload), 'GM-UBND'));
    };
    const { campaignId } = await w.f.campaignWithTarget(w.groupA1, w.households.hA1.id);
    const start = await letters(w.agents.leaderA, campaignId);
    // Four rounds printed at the same moment take the next four numbers, none twice, none skipped.
    const together = await Promise.all([1, 2, 3, 4].map(() => letters(w.agents.leaderA, campaignId)));
    expect(together.sort((a, b) => a - b)).toEqual([start + 1, start + 2, start + 3, start + 4]);

    // Another commune counts on its own; so does another kind (a bulletin is a notice, TB).
    const inB = await w.f.campaignWithTarget(w.groupB1, w.households.hB1.id);
    expect(await letters(w.agents.leaderB, inB.campaignId)).toBe(1);
    const announcement = await w.f.announcement(w.groupA1);
    const bulletin = async () =>
      pdftotext((await w.agents.leaderA.get(`/api/announcements/${announcement}/bulletin.pdf`)).rawPayload);
    const notice = numberIn(await bulletin(), 'TB-UBND');
    expect(notice).toMatch(/^\d{2,}$/);
    // The same bulletin printed again is the same notice: its number does not move, the counter does not either.
    expect(numberIn(await bulletin(), 'TB-UBND')).toBe(notice);
    expect(await letters(w.agents.leaderA, campaignId)).toBe(start + 5);
    // Another notice printed three times at once is registered once.
    const another = await w.f.announcement(w.communeA);
    const prints = await Promise.all(
      [1, 2, 3].map(async () =>
        numberIn(
          pdftotext((await w.agents.leaderA.get(`/api/announcements/${another}/bulletin.pdf`)).rawPayload),
          'TB-UBND',
        ),
      ),
    );
    expect(new Set(prints)).toEqual(new Set([String(Number(notice) + 1).padStart(2, '0')]));

    // A new year starts again at 01; a document that fails to draw gives its number back.
    const db = env.t.database.db;
    const lastYear = '2025-06-01T03:00:00Z';
    const input = { unitPath: w.groupA1.path, kind: 'CALL_LETTER' as const, title: 'Thử' };
    const taken = await issueDocument(db, { ...input, at: lastYear }, actor, async (f) => f.head.number);
    expect(taken).toBe('01/GM-UBND');
    await expect(
      issueDocument(db, input, actor, async () => {
        throw new Error('printer jammed');
      }),
    ).rejects.toThrow('printer jammed');
    expect(await letters(w.agents.leaderA, campaignId)).toBe(start + 6);

    const register = await env.t.database.raw<{ number: number; label: string; issued_by: number | null }>(
      `select number, label, issued_by from issued_documents
        where unit_id = ${w.communeA.id} and kind = 'CALL_LETTER' and year = ${Number(formatDateVi(new Date()).slice(6))}
        order by number`,
    );
    expect(register.map((r) => r.number)).toEqual(register.map((_, i) => i + 1));
    expect(register.at(-1)).toMatchObject({ label: `${String(start + 6).padStart(2, '0')}/GM-UBND` });
    expect(register.at(-1)!.issued_by).toBe(w.accounts.leaderA.id);
  });
});

describe('printed documents, read back with pdftotext', () => {
  it("a call letter carries the national header, the commune as issuer, its number, place and date, and the commune's signer", async () => {
    const { w } = env;
    const { campaignId } = await w.f.campaignWithTarget(w.groupA1, w.households.hA1.id);
    const text = pdftotext((await w.agents.leaderA.get(`/api/campaigns/${campaignId}/letters.pdf`)).rawPayload);
    const number = numberIn(text, 'GM-UBND');
    for (const sentence of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG',
      'ỦY BAN NHÂN DÂN XÃ AN HÒA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: ${number}/GM-UBND`,
      dated('An Hòa'),
      'GIẤY MỜI',
      'Về việc thanh toán trực tuyến',
      'Kính gửi: hộ gia đình tại Số 7, ngõ 3, thôn Đông (Thôn Đông)',
      'Tổ công nghệ số cộng đồng sẽ đến hỗ trợ gia đình. Xin gia đình hoàn thành trước ngày 29/01/2027.',
      'Quét mã QR để xem hướng dẫn từng bước và các điểm hỗ trợ gần nhà:',
      'Nơi nhận: - Như trên; - Tổ công nghệ số cộng đồng; - Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH',
      'Trần Thị Mai',
    ])
      expect(text).toContain(sentence);
    // The group that filed it is not the issuer.
    expect(text).not.toContain('ỦY BAN NHÂN DÂN THÔN');
  });

  it('a receipt (Form 01) is the commune counter’s, numbered once, signed by the officer who received it', async () => {
    const { w } = env;
    const officer = w.accounts.onestopA;
    const made = await w.f.dossier(w.communeA, { receivedBy: officer, applicant: 'Phạm Thị Hoa' });
    const url = `/api/public/dossiers/${made.token}/forms/01`;
    const text = pdftotext((await w.agents.onestopA.get(url)).rawPayload);
    const number = numberIn(text, 'TNHS');
    expect(number).toMatch(/^\d{2,}$/);
    for (const sentence of [
      'ỦY BAN NHÂN DÂN XÃ AN HÒA BỘ PHẬN MỘT CỬA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: ${number}/TNHS`,
      dated('An Hòa'),
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${made.code}`,
      'Người nộp: Phạm Thị Hoa',
      'Quét mã để theo dõi hồ sơ, hoặc tra cứu bằng mã hồ sơ và 4 số cuối điện thoại.',
      'NGƯỜI TIẾP NHẬN (Ký, ghi rõ họ tên)',
      officer.fullName,
    ])
      expect(text).toContain(sentence);
    expect(numberIn(pdftotext((await w.agents.onestopA.get(url)).rawPayload), 'TNHS')).toBe(number);
  });

  it("a group's bulletin is the commune's notice", async () => {
    const { w } = env;
    const id = await w.f.announcement(w.groupA1);
    await w.f.broadcast(id, w.groupA1);
    const text = pdftotext((await w.agents.headA1.get(`/api/announcements/${id}/bulletin.pdf`)).rawPayload);
    for (const sentence of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG ỦY BAN NHÂN DÂN XÃ AN HÒA',
      'THÔNG BÁO Về việc thông báo thử',
      'Sau đây là thông báo của thôn Đông: Thông báo thử.',
      'Trên đây là thông báo của thôn Đông. Kính mong bà con chú ý thực hiện.',
      'Nơi nhận: - Loa truyền thanh Thôn Đông; - Lưu: VT.',
      'Trần Thị Mai',
    ])
      expect(text).toContain(sentence);
  });
});
