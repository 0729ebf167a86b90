import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { announcementFiles } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/auth-context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { readUpload } from '../../lib/uploads.js';
import { audited } from '../audit/audit.repo.js';
import { checkDocument } from '../dossiers/dossiers.uploads.js';
import { getAnnouncement } from './announcements.service.js';
import { viewAnnouncement } from './announcement-view.js';
import { openAnnouncement, type HouseholdLink } from './public.service.js';

/** Files attached to an announcement (PDF, JPEG or PNG): added to a draft, read by staff and by its readers. */
type StoredFile = typeof announcementFiles.$inferSelect;

/**
 * Attaches the request's one file to an announcement not yet sent, filed in the caller's units (a change: the filing
 * unit's); the upload is read only once that is checked.
 */
export async function attachFile(
  db: Db,
  scope: Scope,
  id: number,
  upload: Parameters<typeof readUpload>[0],
  actor: Actor,
) {
  const a = await getAnnouncement(db, scope, id);
  if (a.status !== 'DRAFT' && a.status !== 'SCHEDULED')
    throw conflict({
      vi: 'Chỉ đính kèm được khi thông báo chưa gửi',
      en: 'Files can be attached only before sending',
    });
  const file = await readUpload(upload);
  const mime = await checkDocument(file.buffer);
  const [f] = await audited(
    db,
    actor,
    (tx) =>
      tx
        .insert(announcementFiles)
        .values({
          announcementId: a.id,
          name: file.fileName,
          mime,
          size: file.buffer.length,
          content: file.buffer,
        })
        .returning({
          id: announcementFiles.id,
          name: announcementFiles.name,
          mime: announcementFiles.mime,
          size: announcementFiles.size,
        }),
    { action: 'announcement.file', entityType: 'announcement', entityId: a.id },
  );
  return f!;
}

/**
 * An attached file of an announcement the caller sees. Files are the announcement's content, which every household
 * it went to opens from its link; they hold no one unit's part, so a viewer of a part reads them whole.
 */
export async function getFile(db: Db, scope: Scope, id: number, fileId: number): Promise<StoredFile> {
  await viewAnnouncement(db, scope, id);
  return fileOf(db, id, fileId);
}

/** An attached file of an announcement the reader may open: a public one, or the one a household's link opens. */
export async function getPublicFile(
  deps: Pick<AppDeps, 'database' | 'cipher' | 'config'>,
  id: number,
  fileId: number,
  link?: HouseholdLink,
): Promise<StoredFile> {
  await openAnnouncement(deps, id, link);
  return fileOf(deps.database.db, id, fileId);
}

async function fileOf(db: Db, announcementId: number, fileId: number): Promise<StoredFile> {
  const [f] = await db
    .select()
    .from(announcementFiles)
    .where(and(eq(announcementFiles.id, fileId), eq(announcementFiles.announcementId, announcementId)));
  if (!f) throw notFound({ vi: 'Không tìm thấy tệp', en: 'File not found' });
  return f;
}
