import { spawn } from 'node:child_process';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { broadcasts, units } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import type { Actor } from '../../lib/auth-context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { plainText } from '../../lib/html.js';
import { sealWav } from '../../lib/wav.js';
import { aboutOf, drawDocumentHead, drawSignature } from '../../lib/document.js';
import { formatDateTimeVi, renderPdf } from '../../lib/pdf.js';
import { audited } from '../audit/audit.repo.js';
import { type DocumentFrame, issueDocument } from '../documents/documents.service.js';
import { getUnitPath } from '../units/units.service.js';
import type { PlanBroadcastsInput } from './announcements.schemas.js';
import { broadcastInHand, broadcastInView, viewAnnouncement } from './announcement-view.js';

/**
 * The loudspeaker channel: many wards still read notices over the commune's speakers. An announcement becomes the
 * script the announcer reads (what to say first and last, as it is said on air) and a Vietnamese speech file from
 * espeak-ng for speakers that play recordings; broadcasts are planned per group or commune at set times. A group
 * head following the commune's announcement to their group plans and marks broadcasts on their own speakers and
 * sees those and the commune's, never another group's.
 */
type Bulletin = { title: string; bodyHtml: string; unitName: string; unitPath: string };

/**
 * A unit named inside a sentence: the tier word is written in lower case there ("thông báo của xã Vĩnh Bảo", as
 * Decree 30/2020's rules on capitals have it), while headers and lists keep "Xã Vĩnh Bảo".
 */
export function unitInSentence(name: string): string {
  return name.replace(/^(Xã|Phường|Thị trấn|Thôn|Tổ dân phố|Tổ|Khu phố|Ấp|Bản|Làng|Xóm)(?= )/u, (w) => w.toLowerCase());
}

/** The bulletin as it is said on air, paragraph by paragraph. */
export function bulletinText(a: Bulletin): string[] {
  const unit = unitInSentence(a.unitName);
  return [
    'Kính thưa bà con nhân dân!',
    `Sau đây là thông báo của ${unit}: ${a.title}.`,
    ...plainText(a.bodyHtml)
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean),
    `Trên đây là thông báo của ${unit}. Kính mong bà con chú ý thực hiện. Xin cảm ơn bà con!`,
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
    // Streamed to a pipe, the header declares 0x7FFFFFFF bytes: sealed with the real sizes before it goes out.
    child.on('close', (code) => {
      if (code !== 0 || !chunks.length) return reject(unavailable());
      try {
        resolve(sealWav(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

/** An announcement's broadcasts that `visible` lets through (a condition on `units.path`), in airing order. */
export async function listBroadcasts(db: Tx, announcementId: number, visible: SQL) {
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
    .where(and(eq(broadcasts.announcementId, announcementId), visible))
    .orderBy(asc(broadcasts.airAt));
  return rows.map((b) => ({
    ...b,
    airAt: b.airAt.toISOString(),
    status: b.status as 'PLANNED' | 'AIRED' | 'CANCELLED',
  }));
}

/**
 * Marks a planned broadcast aired or cancelled, on speakers `inHand` lets through (a condition on a unit path);
 * false when no such planned one has this id.
 */
export async function setBroadcastStatus(
  db: Tx,
  announcementId: number,
  broadcastId: number,
  status: 'AIRED' | 'CANCELLED',
  inHand: (unitPath: SQL) => SQL,
) {
  const [b] = await db
    .update(broadcasts)
    .set({ status })
    .where(
      and(
        eq(broadcasts.id, broadcastId),
        eq(broadcasts.announcementId, announcementId),
        eq(broadcasts.status, 'PLANNED'),
        inHand(sql`(select u.path from units u where u.id = ${broadcasts.unitId})`),
      ),
    )
    .returning({ id: broadcasts.id });
  return !!b;
}

/**
 * The printable script: a notice of the commune (whoever filed it, the commune issues it: Decree 30's frame, its
 * number registered once per announcement), in large type for reading aloud, with the broadcast schedule.
 */
export function bulletinPdf(
  frame: DocumentFrame,
  a: Bulletin,
  schedule: { unitName: string; airAt: string }[],
): Promise<Buffer> {
  const paragraphs = bulletinText(a);
  const words = paragraphs.join(' ').split(/\s+/).length;
  // Decree 30's margins: 20–25 mm top and bottom, 30–35 mm left, 15–20 mm right.
  const margins = { top: 60, bottom: 60, left: 90, right: 50 };
  return renderPdf({ title: `Bản tin phát thanh — ${a.title}`, margins }, (doc) => {
    drawDocumentHead(doc, { ...frame.head, summary: aboutOf(a.title) });
    doc
      .font('italic')
      .fontSize(12)
      .text(`Bản tin phát thanh · đọc khoảng ${Math.max(1, Math.round(words / 120))} phút`, { align: 'center' })
      .moveDown(0.5);
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
    doc.font('regular').fontSize(15);
    for (const p of paragraphs) doc.text(p, { align: 'justify', lineGap: 4, indent: 28 }).moveDown(0.5);
    const speakers = [...new Set(schedule.map((s) => `Loa truyền thanh ${s.unitName}`))];
    drawSignature(doc, frame.signer, [...speakers, 'Lưu: VT']);
  });
}

/** The bulletin to print, registered as the commune's notice the first time (printed again, the same number). */
export async function printBulletin(db: Tx, scope: Scope, id: number, actor: Actor): Promise<Buffer> {
  const { bulletin, schedule } = await getPrintedBulletin(db, scope, id);
  const input = {
    unitPath: bulletin.unitPath,
    kind: 'BULLETIN' as const,
    ref: `announcement:${id}`,
    title: bulletin.title,
  };
  return issueDocument(db, input, actor, (frame) => bulletinPdf(frame, bulletin, schedule));
}

/**
 * Plans broadcasts of an announcement the caller sees, on a unit's speakers in their units (a group's or the
 * commune's): a group head may plan the commune's announcement on their own group's speakers.
 */
export async function planBroadcasts(db: Db, scope: Scope, id: number, input: PlanBroadcastsInput, actor: Actor) {
  const view = await viewAnnouncement(db, scope, id);
  await getUnitPath(db, input.unitId, scope);
  await audited(
    db,
    actor,
    (tx) =>
      tx.insert(broadcasts).values(
        input.airAt.map((at) => ({
          announcementId: view.row.id,
          unitId: input.unitId,
          airAt: new Date(at),
        })),
      ),
    {
      action: 'announcement.broadcast',
      entityType: 'announcement',
      entityId: view.row.id,
      details: { unitId: input.unitId, times: input.airAt.length },
    },
  );
  return listBroadcasts(db, view.row.id, broadcastInView(view, units.path));
}

/** The broadcast schedule of an announcement as the caller sees it (their speakers and those above them). */
export async function broadcastsOf(db: Tx, scope: Scope, id: number) {
  const view = await viewAnnouncement(db, scope, id);
  return listBroadcasts(db, view.row.id, broadcastInView(view, units.path));
}

/**
 * Marks a planned broadcast aired or cancelled: any of the announcement's for whoever holds its filing unit, one on
 * their own speakers for a viewer of its part (404 otherwise, as when none is planned).
 */
export async function markBroadcast(
  db: Tx,
  scope: Scope,
  id: number,
  broadcastId: number,
  status: 'AIRED' | 'CANCELLED',
): Promise<void> {
  const view = await viewAnnouncement(db, scope, id);
  if (!(await setBroadcastStatus(db, id, broadcastId, status, (path) => broadcastInHand(view, path)))) {
    throw notFound({ vi: 'Không tìm thấy lượt phát đang chờ', en: 'No planned broadcast with this id' });
  }
}

/**
 * What the announcer reads of an announcement the caller sees: its title, its text, the unit it is from (the
 * announcement itself, which every household it went to can read; nothing of its recipients).
 */
export async function getBulletin(db: Tx, scope: Scope, id: number): Promise<Bulletin> {
  return bulletinOf(db, (await viewAnnouncement(db, scope, id)).row);
}

async function bulletinOf(db: Tx, a: { title: string; bodyHtml: string; unitId: number }): Promise<Bulletin> {
  const [u] = await db.select({ name: units.name, path: units.path }).from(units).where(eq(units.id, a.unitId));
  return { title: a.title, bodyHtml: a.bodyHtml, unitName: u!.name, unitPath: u!.path };
}

/** The bulletin to print, with the broadcasts still planned for it that the caller sees. */
export async function getPrintedBulletin(db: Tx, scope: Scope, id: number) {
  const view = await viewAnnouncement(db, scope, id);
  const bulletin = await bulletinOf(db, view.row);
  const schedule = (await listBroadcasts(db, id, broadcastInView(view, units.path))).filter(
    (b) => b.status === 'PLANNED',
  );
  return { bulletin, schedule };
}

/** The bulletin read aloud (WAV); 503 when the server has no synthesiser. */
export function speakBulletin(bulletin: Bulletin, espeakPath: string): Promise<Buffer> {
  return speechAudio(espeakPath, bulletinText(bulletin).join('\n'));
}
