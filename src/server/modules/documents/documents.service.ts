import type { Db, Tx } from '../../db/client.js';
import { unitAt, type Scope } from '../../db/scope.js';
import type { Actor } from '../../lib/auth-context.js';
import { type DocumentHead, documentNumber, type Issuer, placeOf, type Signer, upper } from '../../lib/document.js';
import { conflict, notFound, validation } from '../../lib/errors.js';
import { formatDateVi } from '../../lib/pdf.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getUnitPath } from '../units/units.service.js';
import * as repo from './documents.repo.js';
import type { DocumentSettings, DocumentSettingsInput } from './documents.schemas.js';

/**
 * The kinds of document Ketnoi numbers, each with its own counter per commune and year, and the symbol after the
 * number: Decree 30's abbreviation of the kind, then the issuing body's (GM Giấy mời, TB Thông báo; UBND). The
 * one-stop forms carry the form's own short name; the decree has none for them.
 */
export const documentKinds = {
  CALL_LETTER: { symbol: 'GM-UBND', name: 'GIẤY MỜI' },
  BULLETIN: { symbol: 'TB-UBND', name: 'THÔNG BÁO' },
  FORM_01: { symbol: 'TNHS', name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' },
  FORM_02: { symbol: 'BSHS', name: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' },
  FORM_03: { symbol: 'TCHS', name: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' },
  FORM_04: { symbol: 'XLHS', name: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' },
  FORM_05: { symbol: 'DXLHS', name: 'THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ' },
} as const;
export type DocumentKind = keyof typeof documentKinds;

/** What a document is drawn with: its header (number included once registered) and who signs it. */
export type DocumentFrame = { head: DocumentHead; signer: Signer };

const defaults = { authority: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH', signerName: null };

/**
 * The body that issues a document about something under `unitPath`: the commune it lies in, whatever unit filed it
 * (a group head's announcement is still the commune's), under its province; a province's own document is the
 * province's. `division` puts a part of the commune in its place (the one-stop counter), the commune above it.
 */
async function issuerOf(tx: Tx, unitPath: string, division?: string) {
  const provinceId = unitAt(unitPath, 1);
  const communeId = unitAt(unitPath, 2);
  const rows = await repo.unitsByIds(tx, [provinceId ?? 0, communeId ?? 0]);
  const province = rows.find((r) => r.id === provinceId);
  const commune = rows.find((r) => r.id === communeId);
  const body = commune ?? province ?? rows[0];
  if (!body) throw new Error(`no issuing unit above ${unitPath}`);
  const committee = (u: { name: string }) => `ỦY BAN NHÂN DÂN ${upper(u.name)}`;
  const issuer: Issuer = division
    ? { above: committee(body), name: upper(division) }
    : { above: commune && province ? committee(province) : null, name: committee(body) };
  return { unit: body, issuer };
}

async function signerOf(tx: Tx, unitId: number): Promise<Signer> {
  const s = (await repo.findDocumentSettings(tx, unitId)) ?? defaults;
  return { authority: s.authority || null, title: s.signerTitle.split('\n'), name: s.signerName };
}

/** Vietnam's calendar year of a moment: what a document's number counts in. */
const yearOf = (at: Date | string) => Number(formatDateVi(at).slice(6));

/** A document's frame without a number: one not issued yet (a receipt before the dossier is received). */
export async function draftFrame(
  tx: Tx,
  input: { unitPath: string; kind: DocumentKind; at: Date | string; division?: string },
): Promise<DocumentFrame> {
  return (await frameOf(tx, input)).frame;
}

async function frameOf(tx: Tx, input: { unitPath: string; kind: DocumentKind; at: Date | string; division?: string }) {
  const { unit, issuer } = await issuerOf(tx, input.unitPath, input.division);
  const { symbol, name } = documentKinds[input.kind];
  const frame: DocumentFrame = {
    head: { issuer, number: null, symbol, place: placeOf(unit.name), at: input.at, kind: name },
    signer: await signerOf(tx, unit.id),
  };
  return { unitId: unit.id, frame };
}

/**
 * Registers a document and draws it in one transaction: the commune's next number of its kind this year, gap-free
 * (the counter row is locked until the document's register row is written; a failed drawing rolls both back).
 * A document with a `ref` (an announcement's bulletin, a dossier's form) is numbered once: drawn again, it keeps
 * the number and date it was given. A new number is audited.
 */
export async function issueDocument<T>(
  db: Tx,
  input: {
    unitPath: string;
    kind: DocumentKind;
    title: string;
    ref?: string;
    /** The document's date (an event's); now when not given. */
    at?: Date | string;
    division?: string;
  },
  actor: Actor,
  draw: (frame: DocumentFrame) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const { unitId, frame } = await frameOf(tx, { ...input, at: input.at ?? new Date() });
    const known = input.ref ? await repo.findIssued(tx, unitId, input.kind, input.ref) : undefined;
    const issued = known ?? (await register(tx, unitId, input, frame.head.at, actor));
    return draw({ ...frame, head: { ...frame.head, number: issued.label, at: issued.issuedAt } });
  });
}

async function register(
  tx: Tx,
  unitId: number,
  input: { kind: DocumentKind; title: string; ref?: string },
  at: Date | string,
  actor: Actor,
) {
  const key = { unitId, year: yearOf(at), kind: input.kind };
  await repo.lockCounter(tx, key);
  // Someone may have registered the same document while this one waited for the lock.
  const raced = input.ref ? await repo.findIssued(tx, unitId, input.kind, input.ref) : undefined;
  if (raced) return raced;
  const number = await repo.nextNumber(tx, key);
  const row = await repo.insertIssued(tx, {
    ...key,
    number,
    label: documentNumber(number, documentKinds[input.kind].symbol),
    ref: input.ref ?? null,
    title: input.title.slice(0, 500),
    issuedAt: new Date(at),
    issuedBy: actor.userId,
  });
  await insertAudit(tx, actor, {
    action: 'document.issue',
    entityType: 'document',
    entityId: row.id,
    details: { unitId, kind: input.kind, label: row.label, ref: row.ref },
  });
  return row;
}

/**
 * The unit whose signer a caller reads or sets: a commune (or a province). Reading reaches the commune above one's
 * group (a group head prints the commune's notices); setting needs the commune in one's scope.
 */
async function issuingUnit(db: Tx, scope: Scope, unitId: number, reach: 'along' | 'within') {
  const path =
    reach === 'within' ? await getUnitPath(db, unitId, scope) : await repo.findUnitPathAlong(db, unitId, scope);
  if (!path) throw notFound({ vi: 'Không tìm thấy đơn vị', en: 'Unit not found' });
  const depth = path.split('/').filter(Boolean).length;
  if (depth !== 2 && depth !== 3)
    throw validation([
      {
        field: 'id',
        code: 'NOT_ISSUER',
        message: {
          vi: 'Chỉ xã, phường (hoặc tỉnh) mới ban hành văn bản; thôn, tổ dân phố dùng văn bản của xã',
          en: 'Only a commune or ward (or a province) issues documents; a group uses its commune’s',
        },
      },
    ]);
  return path;
}

export async function getDocumentSettings(db: Tx, scope: Scope, unitId: number): Promise<DocumentSettings> {
  const path = await issuingUnit(db, scope, unitId, 'along');
  const { issuer } = await issuerOf(db, path);
  const row = await repo.findDocumentSettings(db, unitId);
  const s = row ?? defaults;
  return {
    unitId,
    issuer,
    authority: s.authority,
    signerTitle: s.signerTitle.split('\n'),
    signerName: s.signerName,
    version: row?.version ?? 0,
  };
}

/** Sets who signs a commune's documents; a change made on an older version is refused (409). Audited. */
export async function updateDocumentSettings(
  db: Db,
  scope: Scope,
  unitId: number,
  input: DocumentSettingsInput,
  actor: Actor,
): Promise<DocumentSettings> {
  await issuingUnit(db, scope, unitId, 'within');
  await db.transaction(async (tx) => {
    const current = await repo.findDocumentSettings(tx, unitId, true);
    if ((current?.version ?? 0) !== input.version)
      throw conflict({
        vi: 'Người khác vừa sửa người ký văn bản; hãy tải lại trang rồi sửa lại',
        en: 'Someone else has just changed the signer; reload the page and make your change again',
      });
    const values = {
      authority: upper(input.authority),
      signerTitle: input.signerTitle.map(upper).join('\n'),
      signerName: input.signerName,
    };
    await repo.saveDocumentSettings(tx, unitId, values, input.version + 1);
    await insertAudit(tx, actor, {
      action: 'document.settings',
      entityType: 'unit',
      entityId: unitId,
      details: values,
    });
  });
  return getDocumentSettings(db, scope, unitId);
}
