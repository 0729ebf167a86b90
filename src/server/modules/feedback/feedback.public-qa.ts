import type { CitizenLanguage } from '../../../shared/languages.js';
import type { Tx } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { findCommuneByCode } from '../units/units.service.js';
import { categoryName, iso } from './feedback.public.js';
import * as repo from './feedback.public.repo.js';
import type { QaItem, QaPage, QaQuery } from './feedback.public.schemas.js';

/** "Hỏi đáp": what officers published of a commune's questions and answers, and the files they chose to show. */

export const QA_PAGE_SIZE = 20;

const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
/**
 * The name a published file goes by in public: never the one it was uploaded with, which may carry a person's name,
 * phone or ID number ("cccd-nguyen-van-a.jpg") that the officer's masking of the text never sees.
 */
export const publicFileName = (id: number, mimeType: string) => `anh-${id}.${extensions[mimeType] ?? 'bin'}`;

async function qaItems(tx: Tx, rows: Awaited<ReturnType<typeof repo.findPublished>>[], names: Map<number, string>) {
  const present = rows.filter((r) => r !== undefined);
  const files = await repo.publicFilesOf(
    tx,
    present.map((r) => r.id),
  );
  return present.map(
    (r): QaItem => ({
      id: r.id,
      code: r.code,
      title: r.title ?? '',
      body: r.body ?? '',
      answer: r.answer ?? '',
      answerLinks: r.answerLinks,
      category: names.get(r.categoryId) ?? '',
      unitName: r.unitName ?? null,
      receivedAt: iso(r.receivedAt)!,
      answeredAt: iso(r.answeredAt),
      publishedAt: iso(r.publishedAt)!,
      files: files
        .filter((f) => f.ticketId === r.id)
        .map((f) => ({ id: f.id, fileName: publicFileName(f.id, f.mimeType), mimeType: f.mimeType })),
    }),
  );
}

/**
 * "Hỏi đáp": a commune's published questions and answers, newest first; only what an officer published (the public_*
 * texts, masked), searched without accents, filtered by category and by group (and the groups below it).
 */
export async function listQa(tx: Tx, code: string, query: QaQuery, language: CitizenLanguage): Promise<QaPage> {
  const commune = await findCommuneByCode(tx, code);
  const categories = await repo.listCategories(tx, commune.id);
  const names = new Map(categories.map((c) => [c.id, categoryName(c, language).name]));
  const groups = await repo.listGroups(tx, commune.path);
  let unitPath: string | undefined;
  if (query.unitId) {
    const path = await repo.findUnitPath(tx, query.unitId);
    // A group of another commune matches nothing here.
    unitPath = path?.startsWith(commune.path) ? path : '/none/';
  }
  const { rows, total } = await repo.listPublished(tx, commune.id, {
    q: query.q,
    categoryId: query.categoryId,
    unitPath,
    limit: QA_PAGE_SIZE,
    offset: (query.page - 1) * QA_PAGE_SIZE,
  });
  return {
    commune: { code: commune.code, name: commune.name },
    items: await qaItems(tx, rows, names),
    total,
    page: query.page,
    pageSize: QA_PAGE_SIZE,
    categories: categories.filter((c) => c.active).map((c) => ({ id: c.id, name: names.get(c.id)! })),
    groups,
  };
}

export async function getQa(tx: Tx, code: string, id: number, language: CitizenLanguage): Promise<QaItem> {
  const commune = await findCommuneByCode(tx, code);
  const row = await repo.findPublished(tx, commune.id, id);
  if (!row) throw notFound({ vi: 'Không có câu hỏi này', en: 'No such question' });
  const category = await repo.findCategory(tx, row.categoryId);
  const names = new Map(category ? [[category.id, categoryName(category, language).name]] : []);
  return (await qaItems(tx, [row], names))[0]!;
}

export async function getPublicFile(tx: Tx, id: number) {
  const file = await repo.findPublicFile(tx, id);
  if (!file) throw notFound({ vi: 'Không có tệp này', en: 'No such file' });
  return { ...file, fileName: publicFileName(id, file.mimeType) };
}
