import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../../../test/factories.js';
import { multipartBody } from '../../../../test/multipart.js';
import { tinyPdf } from '../../../../test/scorecards-factories.js';
import { useWorld } from '../../../../test/world.js';
import { queryRows } from '../../db/client.js';
import { MAX_EVIDENCE_BYTES } from './scorecards.evidence.js';

// Evidence files: judged by their bytes, bounded in size, downloaded as attachments by those who see the value.
const env = useWorld();

async function xlsx(): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.addWorksheet('Số liệu').addRow(['Số hộ có cáp quang', 612]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A Word document as far as its package goes: the content types and the main part. */
async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

const send = (entryId: number, name: string, content: Buffer) =>
  env.w.agents.leaderA.request({
    method: 'POST',
    url: `/api/scorecards/entries/${entryId}/evidence`,
    ...multipartBody({}, { name, content }),
  });

describe('evidence files', () => {
  it('takes PDF, JPEG, PNG, XLSX and DOCX by their bytes and gives each back as a download', async () => {
    const { w } = env;
    const { id } = await w.f.scorecardEntry(w.communeA, { code: 'STAFF_OFFICIAL_EMAIL', period: '2026-Q1' });
    const files = [
      { name: 'bao-cao.pdf', content: tinyPdf, mime: 'application/pdf' },
      { name: 'anh chụp.png', content: tinyPng, mime: 'image/png' },
      {
        name: 'bien-ban.jpg',
        content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xdb]), Buffer.alloc(64)]),
        mime: 'image/jpeg',
      },
      {
        name: 'so-lieu.xlsx',
        content: await xlsx(),
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      {
        name: 'cong-van.docx',
        content: await docx(),
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
    ];
    for (const f of files) {
      const res = await send(id, f.name, f.content);
      expect(res.statusCode, `${f.name}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({ fileName: f.name, mimeType: f.mime, size: f.content.length });
      const back = await w.agents.headA1.get(`/api/scorecards/evidence/${res.json().id}`);
      // A group head does not see the commune's own values, nor their files.
      expect(back.statusCode).toBe(404);
      const got = await w.agents.province.get(`/api/scorecards/evidence/${res.json().id}`);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe(f.mime);
      expect(String(got.headers['content-disposition'])).toMatch(/^attachment;/);
      expect(got.rawPayload.equals(f.content)).toBe(true);
    }
    const entry = await w.agents.leaderA.get(`/api/scorecards/entries/${id}`);
    expect(entry.json().evidence.map((e: { fileName: string }) => e.fileName)).toEqual(files.map((f) => f.name));
    const [reads] = await queryRows<{ n: number }>(
      env.t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'scorecard.evidence.read' and entity_id = ${String(id)}`,
    );
    expect(reads!.n).toBe(files.length);
  });

  it('refuses a program renamed .pdf, plain text, and a file over 10 MB; stores nothing', async () => {
    const { w } = env;
    const { id } = await w.f.scorecardEntry(w.groupA1, { period: '2026-Q1' });
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);
    const renamed = await send(id, 'bao-cao.pdf', exe);
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().errors[0]).toMatchObject({ field: 'file', code: 'FILE_TYPE' });
    expect((await send(id, 'ghi-chu.pdf', Buffer.from('chỉ là chữ'))).statusCode).toBe(400);
    const big = Buffer.concat([tinyPdf, Buffer.alloc(MAX_EVIDENCE_BYTES, 0x20)]);
    const tooBig = await send(id, 'quet.pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('PAYLOAD_TOO_LARGE');
    const [stored] = await queryRows<{ n: number }>(
      env.t.database.db,
      sql`select count(*)::int as n from scorecard_evidence where entry_id = ${id}`,
    );
    expect(stored!.n).toBe(0);
  });

  it('is removed while the value is a draft, never once it is sent; outsiders reach none of it', async () => {
    const { w } = env;
    const kept = await w.f.scorecardEvidence(w.groupA1);
    const removed = await w.agents.onestopA.request({ method: 'DELETE', url: `/api/scorecards/evidence/${kept.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await w.agents.province.get(`/api/scorecards/evidence/${kept.id}`)).statusCode).toBe(404);

    const { id: sentId } = await w.f.scorecardEntry(w.groupA1, { status: 'SUBMITTED' });
    const onSent = await w.f.scorecardEvidence(w.groupA1, sentId);
    const refused = await w.agents.leaderA.request({ method: 'DELETE', url: `/api/scorecards/evidence/${onSent.id}` });
    expect(refused.statusCode).toBe(409);
    expect((await send(sentId, 'them.pdf', tinyPdf)).statusCode).toBe(409);

    expect((await w.agents.leaderB.get(`/api/scorecards/evidence/${onSent.id}`)).statusCode).toBe(404);
    const outsider = await w.agents.leaderB.request({ method: 'DELETE', url: `/api/scorecards/evidence/${onSent.id}` });
    expect(outsider.statusCode).toBe(404);
    expect((await w.agents.headA1.get(`/api/scorecards/evidence/${onSent.id}`)).statusCode).toBe(200);
  });
});
