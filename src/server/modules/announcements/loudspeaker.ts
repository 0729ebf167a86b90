import { spawn } from 'node:child_process';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { broadcasts, units } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { plainText } from '../../lib/html.js';
import { formatDateTimeVi, formatDateVi, renderPdf } from '../../lib/pdf.js';

/**
 * The loudspeaker channel: many wards still read notices over the commune's speakers. An announcement becomes the
 * script the announcer reads (what to say first and last, as it is said on air) and a Vietnamese speech file from
 * espeak-ng for speakers that play recordings; broadcasts are planned per group or commune at set times.
 */
export function bulletinText(a: { title: string; bodyHtml: string; unitName: string }): string[] {
  return [
    'Kính thưa bà con nhân dân!',
    `Sau đây là thông báo của ${a.unitName}: ${a.title}.`,
    ...plainText(a.bodyHtml)
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean),
    `Trên đây là thông báo của ${a.unitName}. Kính mong bà con chú ý thực hiện. Xin cảm ơn bà con!`,
  ];
}

/** Speech as WAV from espeak-ng's Vietnamese voice; a server without it answers 503 with what to install. */
export function speechAudio(espeakPath: string, text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const unavailable = () =>
      new AppError('SPEECH_UNAVAILABLE', 503, {
        vi: 'Máy chủ chưa cài phần mềm đọc tiếng Việt (espeak-ng) nên chưa tạo được tệp âm thanh; hãy dùng bản in để đọc trên loa',
        en: 'The server has no Vietnamese speech synthesiser (espeak-ng) installed, so no audio file can be made; read the printed bulletin on air instead',
      });
    const child = spawn(espeakPath, ['-v', 'vi', '-s', '140', '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? unavailable() : error));
    child.on('close', (code) => (code === 0 && chunks.length ? resolve(Buffer.concat(chunks)) : reject(unavailable())));
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

export async function listBroadcasts(db: Tx, announcementId: number) {
  const rows = await db
    .select({
      id: broadcasts.id,
      unitId: broadcasts.unitId,
      unitName: units.name,
      airAt: broadcasts.airAt,
      status: broadcasts.status,
    })
    .from(broadcasts)
    .innerJoin(units, eq(units.id, broadcasts.unitId))
    .where(eq(broadcasts.announcementId, announcementId))
    .orderBy(asc(broadcasts.airAt));
  return rows.map((b) => ({
    ...b,
    airAt: b.airAt.toISOString(),
    status: b.status as 'PLANNED' | 'AIRED' | 'CANCELLED',
  }));
}

export async function setBroadcastStatus(
  db: Tx,
  announcementId: number,
  broadcastId: number,
  status: 'AIRED' | 'CANCELLED',
) {
  const [b] = await db
    .update(broadcasts)
    .set({ status })
    .where(
      and(
        eq(broadcasts.id, broadcastId),
        eq(broadcasts.announcementId, announcementId),
        eq(broadcasts.status, 'PLANNED'),
      ),
    )
    .returning({ id: broadcasts.id });
  return !!b;
}

/** The printable script: A4, large type for reading aloud, with the broadcast schedule at the top. */
export async function bulletinPdf(
  a: { title: string; bodyHtml: string; unitName: string },
  schedule: { unitName: string; airAt: string }[],
): Promise<Buffer> {
  const paragraphs = bulletinText(a);
  const words = paragraphs.join(' ').split(/\s+/).length;
  return renderPdf({ title: `Bản tin phát thanh — ${a.title}` }, (doc) => {
    doc.font('bold').fontSize(13).text(a.unitName.toUpperCase());
    doc
      .font('regular')
      .fontSize(11)
      .text(`Ngày in: ${formatDateVi(new Date())} · Đọc khoảng ${Math.max(1, Math.round(words / 120))} phút`)
      .moveDown();
    doc.font('bold').fontSize(20).text('BẢN TIN PHÁT THANH', { align: 'center' });
    doc.fontSize(15).text(a.title, { align: 'center' }).moveDown();
    if (schedule.length) {
      doc.font('bold').fontSize(12).text('Lịch phát:');
      doc
        .font('regular')
        .fontSize(12)
        .list(
          schedule.map((s) => `${formatDateTimeVi(s.airAt)} — loa ${s.unitName}`),
          { bulletRadius: 2 },
        );
      doc.moveDown();
    }
    doc.font('regular').fontSize(16);
    for (const p of paragraphs) doc.text(p, { align: 'justify', lineGap: 4 }).moveDown(0.6);
  });
}
