import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { campaigns, units } from '../../db/schema/index.js';
import { unitAt, type Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';
import { aboutOf, bodySize, drawDocumentHead, drawSignature } from '../../lib/document.js';
import { drawQr, formatDateVi, type Pdf, renderPdf } from '../../lib/pdf.js';
import type { Actor } from '../../lib/auth-context.js';
import { issueDocument } from '../documents/documents.service.js';
import { householdsLeft } from './progress.js';

/** The most call letters one PDF holds (one A5 page each): a group's round, not a province's. */
export const LETTERS_MAX = 500;

/**
 * Call letters, one A5 page per household still to see: who in it is left, what to bring, when the team comes or
 * where to go, and a QR code to the campaign's how-to guide.
 */
export async function callLetters(
  db: Tx,
  scope: Scope,
  id: number,
  unitId: number | undefined,
  publicUrl: string,
  actor: Actor,
): Promise<Buffer> {
  const { c, rows } = await householdsLeft(db, scope, id, { unitId, limit: LETTERS_MAX, offset: 0 }, actor);
  // A province campaign's letters are the caller's commune's (their own part of it); a group's, its commune's.
  const unitPath = unitAt(c.unitPath, 2) !== null ? c.unitPath : (scope.prefixes[0] ?? c.unitPath);
  const guideUrl = `${publicUrl}/k/${c.id}`;
  const letters = rows.slice(0, LETTERS_MAX);
  const title = `Giấy mời — ${c.name}`;
  // One letter to many households: one number for the round printed, on every page of it.
  return issueDocument(db, { unitPath, kind: 'CALL_LETTER', title }, actor, (frame) =>
    renderPdf({ size: 'A5', title, margin: 36 }, (doc) => {
      if (!letters.length)
        doc.fontSize(14).text('Không còn hộ nào cần đến. Cảm ơn các hộ gia đình!', { align: 'center' });
      letters.forEach((h, i) => {
        if (i > 0) doc.addPage();
        drawDocumentHead(doc, { ...frame.head, summary: aboutOf(c.name) });
        doc.text(`Kính gửi: hộ gia đình tại ${h.address} (${h.unitName})`, { align: 'center' }).moveDown(0.4);
        if (h.people.length) doc.text(`Người cần hoàn thành: ${h.people.join(', ')}`);
        const when = h.bestTime ? ` vào lúc gia đình tiện (${lowerFirst(h.bestTime)})` : '';
        doc
          .moveDown(0.3)
          .text(`Tổ công nghệ số cộng đồng sẽ đến hỗ trợ gia đình${when}. `, { continued: true })
          .text(`Xin gia đình hoàn thành trước ngày ${formatDateVi(c.deadline)}.`);
        if (c.kind === 'VNEID_L2')
          doc.text('Xin chuẩn bị: thẻ căn cước (hoặc CCCD gắn chip) và điện thoại thông minh của từng người.');
        if (h.member) doc.text(`Người phụ trách: ${h.member}`);
        guideCode(doc, guideUrl);
        drawSignature(doc, frame.signer, ['Như trên', 'Tổ công nghệ số cộng đồng', 'Lưu: VT']);
      });
    }),
  );
}

/** The QR code to the how-to guide, with what it opens beside it. */
function guideCode(doc: Pdf, url: string) {
  const { left, right } = doc.page.margins;
  const size = 84;
  const y = doc.y + 6;
  drawQr(doc, url, left, y, size);
  const x = left + size + 8;
  const width = doc.page.width - right - x;
  doc.text('Quét mã QR để xem hướng dẫn từng bước và các điểm hỗ trợ gần nhà:', x, y + 16, { width });
  doc.fontSize(bodySize(doc) * 0.8).text(url, x, doc.y + 2, { width });
  doc.fontSize(bodySize(doc));
  doc.x = left;
  doc.y = y + size;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** What the call letters' QR opens, for anyone: the campaign's steps, its deadline, and the commune to find help in. */
export async function publicGuide(db: Tx, id: number) {
  const [c] = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      kind: campaigns.kind,
      guide: campaigns.guide,
      deadline: campaigns.deadline,
      status: campaigns.status,
      path: units.path,
    })
    .from(campaigns)
    .innerJoin(units, eq(units.id, campaigns.unitId))
    .where(eq(campaigns.id, id));
  if (!c) throw notFound({ vi: 'Không tìm thấy chiến dịch', en: 'Campaign not found' });
  const [commune] = await db
    .select({ code: units.code, name: units.name })
    .from(units)
    .where(and(eq(units.id, unitAt(c.path, 2) ?? 0), eq(units.tier, 'COMMUNE')));
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    guide: c.guide,
    deadline: c.deadline,
    active: c.status === 'ACTIVE',
    commune: commune ?? null,
  };
}
