import { eq } from 'drizzle-orm';
import type { TestContext } from '../../../../test/helpers.js';
import { tickets } from '../../db/schema/index.js';
import { foldText } from '../../../shared/text.js';

/** A multipart body as the ask form sends it: text fields, then any number of files under `photos`. */
export function feedbackBody(
  fields: Record<string, string | number>,
  photos: { name: string; content: Buffer; type?: string }[] = [],
) {
  const boundary = `----ketnoi${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const p of photos) {
    const type = p.type ? `\r\nContent-Type: ${p.type}` : '';
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${p.name}"${type}\r\n\r\n`,
      ),
      p.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(chunks) };
}

/**
 * A tiny JPEG whose Exif says "orientation 6" and carries a GPS block (latitude 21° N), then a scan: enough for the
 * sniffer and for the location stripper to have something to remove.
 */
export function jpegWithGps(): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 24 + 4 + 2 + 12 + 4);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(2, 8);
  // Orientation = 6 (rotate 90°)
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(6, 18);
  // GPSInfo → the GPS IFD at 38
  tiff.writeUInt16BE(0x8825, 22);
  tiff.writeUInt16BE(4, 24);
  tiff.writeUInt32BE(1, 26);
  tiff.writeUInt32BE(38, 30);
  tiff.writeUInt32BE(0, 34);
  // GPS IFD: GPSLatitudeRef = "N"
  tiff.writeUInt16BE(1, 38);
  tiff.writeUInt16BE(0x0001, 40);
  tiff.writeUInt16BE(2, 42);
  tiff.writeUInt32BE(2, 44);
  tiff.write('N\0', 48, 'latin1');
  const app1Body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(app1Body.length + 2, 2);
  const dqt = Buffer.from([0xff, 0xdb, 0x00, 0x04, 0x00, 0x01]);
  const scan = Buffer.from([0xff, 0xda, 0x00, 0x04, 0x01, 0x02, 0x11, 0x22, 0x33, 0xff, 0xd9]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, app1Body, dqt, scan]);
}

/** What an officer's publishing writes (WORK's route does it in the app): the masked texts and their search key. */
export async function publish(
  t: TestContext,
  id: number,
  texts: { publicTitle: string; publicBody: string; publicAnswer: string },
) {
  await t.database.db
    .update(tickets)
    .set({
      ...texts,
      publishedAt: new Date(),
      status: 'ANSWERED',
      answerState: 'SENT',
      answer: texts.publicAnswer,
      answeredAt: new Date(),
      publicSearch: foldText(`${texts.publicTitle} ${texts.publicBody} ${texts.publicAnswer}`),
    })
    .where(eq(tickets.id, id));
}

/** An answer sent (WORK's workflow does it in the app), `daysAgo` days ago. */
export async function answer(t: TestContext, id: number, daysAgo = 0) {
  await t.database.db
    .update(tickets)
    .set({
      status: 'ANSWERED',
      answerState: 'SENT',
      answer: 'Xã đã cho sửa đoạn đường này trong tuần.',
      answerLinks: [{ label: 'Thủ tục', href: '/p/1.001193' }],
      answeredAt: new Date(Date.now() - daysAgo * 86_400_000),
    })
    .where(eq(tickets.id, id));
}
