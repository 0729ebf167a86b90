import { randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { Permission } from '../../../shared/permissions.js';
import type { Database, Tx } from '../../db/client.js';
import { dossierProofs, dossiers } from '../../db/schema/index.js';
import { type Actor, scopeOf } from '../../lib/auth-context.js';
import { AppError, conflict } from '../../lib/errors.js';
import { sha256 } from '../../lib/hash.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import type { SmsSender } from '../../lib/sms.js';
import { insertAudit } from '../audit/audit.repo.js';
import {
  CITIZEN_COOKIE,
  type CitizenContext,
  type CodeSender,
  checkCitizenCsrf,
  citizenOf,
  sendPhoneCode,
  useCode,
  wrongCode,
} from '../citizens/citizens.service.js';
import { byToken, dossierNotFound, getDossier } from './dossiers.repo.js';

// Holding a dossier's link shows its status; changing anything needs proof that the caller is the applicant: the
// citizen account that filed it, or a one-time code sent to the applicant's phone on file, which buys 30 minutes
// for that dossier only (a cookie scoped to the dossier's path).

export const APPLICANT_COOKIE = 'ketnoi_applicant';
export const PROOF_MINUTES = 30;

/** How the caller proved to be the applicant, and until when (null: as long as the account is signed in). */
export type ApplicantProof = {
  via: 'ACCOUNT' | 'CODE' | 'SUBMISSION';
  until: Date | null;
  citizenId: number | null;
};
/** A proof just given: the cookie's value for one dossier's path. */
export type IssuedProof = { dossierToken: string; token: string; expiresAt: Date };

/** The path a dossier's proof cookie is sent on: its status page's API and everything under it. */
export const proofPath = (dossierToken: string) => `/api/public/dossiers/${dossierToken}`;

/** "+84912000123" → "123": all a link holder is shown of the phone a code would go to. */
export const phoneEnding = (phone: string) => phone.replace(/\D/g, '').slice(-3);

/** Gives proofs for dossiers (the client that has just submitted them, or a code that checked out); kept hashed. */
export async function issueProofs(
  tx: Tx,
  targets: { id: number; token: string }[],
  via: 'CODE' | 'SUBMISSION',
): Promise<IssuedProof[]> {
  const issued: IssuedProof[] = [];
  for (const target of targets) {
    const token = randomBytes(32).toString('base64url');
    // Expired proofs of this dossier go as a new one comes: the table stays the size of the last half hour.
    await tx
      .delete(dossierProofs)
      .where(and(eq(dossierProofs.dossierId, target.id), lt(dossierProofs.expiresAt, sql`now()`)));
    const [row] = await tx
      .insert(dossierProofs)
      .values({
        tokenHash: sha256(token),
        dossierId: target.id,
        via,
        expiresAt: sql`now() + interval '${sql.raw(String(PROOF_MINUTES))} minutes'`,
      })
      .returning({ expiresAt: dossierProofs.expiresAt });
    issued.push({ dossierToken: target.token, token, expiresAt: row!.expiresAt });
  }
  return issued;
}

type Owner = { id: number; citizenId: number | null };

/**
 * The caller's proof for a dossier, or null: a live proof cookie for it, else the signed-in account that filed it.
 * `citizen` is the signed-in account whoever filed the dossier (to tell "not yours" from "not signed in").
 */
export async function proofOf(
  db: Tx,
  cipher: PiiCipher,
  request: FastifyRequest,
  dossier: Owner,
): Promise<{ proof: ApplicantProof | null; citizen: CitizenContext | null }> {
  const cookie = request.cookies[APPLICANT_COOKIE];
  const citizen = request.cookies[CITIZEN_COOKIE] ? await citizenOf(db, cipher, request) : null;
  if (cookie) {
    const [row] = await db
      .select({ via: dossierProofs.via, expiresAt: dossierProofs.expiresAt })
      .from(dossierProofs)
      .where(
        and(
          eq(dossierProofs.tokenHash, sha256(cookie)),
          eq(dossierProofs.dossierId, dossier.id),
          gt(dossierProofs.expiresAt, sql`now()`),
        ),
      );
    if (row)
      return { proof: { via: row.via as 'CODE' | 'SUBMISSION', until: row.expiresAt, citizenId: null }, citizen };
  }
  if (citizen && dossier.citizenId === citizen.id)
    return { proof: { via: 'ACCOUNT', until: null, citizenId: citizen.id }, citizen };
  return { proof: null, citizen };
}

/** The status page's viewer: the applicant's proof, or null for a link holder (no lookup without either cookie). */
export async function viewerOf(
  db: Tx,
  cipher: PiiCipher,
  request: FastifyRequest,
  token: string,
): Promise<ApplicantProof | null> {
  if (!request.cookies[APPLICANT_COOKIE] && !request.cookies[CITIZEN_COOKIE]) return null;
  const [dossier] = await db
    .select({ id: dossiers.id, citizenId: dossiers.citizenId })
    .from(dossiers)
    .where(byToken(token));
  if (!dossier) return null;
  return (await proofOf(db, cipher, request, dossier)).proof;
}

/**
 * The caller's proof of being the dossier's applicant, or 401 (prove it: a code to the phone on file, or the filing
 * account) / 403 (signed in to another account). A change made as the account holder must carry the account's CSRF
 * token, as every account request does.
 */
export async function requireApplicant(
  db: Tx,
  cipher: PiiCipher,
  request: FastifyRequest,
  dossier: Owner & { applicantPhoneEnc: string | null },
): Promise<ApplicantProof> {
  const { proof, citizen } = await proofOf(db, cipher, request, dossier);
  if (proof) {
    if (proof.via === 'ACCOUNT' && request.method !== 'GET') checkCitizenCsrf(request, citizen!);
    return proof;
  }
  const phone = dossier.applicantPhoneEnc !== null;
  if (citizen)
    throw new AppError('FORBIDDEN', 403, {
      vi: phone
        ? 'Hồ sơ này không được nộp từ tài khoản của ông/bà; hãy xác nhận bằng mã gửi đến số điện thoại người nộp'
        : 'Hồ sơ này không được nộp từ tài khoản của ông/bà; vui lòng liên hệ Bộ phận một cửa',
      en: phone
        ? "This dossier was not filed from your account; confirm with a code sent to the applicant's phone"
        : 'This dossier was not filed from your account; please contact the one-stop counter',
    });
  throw new AppError('UNAUTHENTICATED', 401, {
    vi: phone
      ? 'Hãy xác nhận ông/bà là người nộp hồ sơ: nhận mã qua SMS đến số điện thoại đã khai, hoặc đăng nhập tài khoản đã nộp hồ sơ'
      : 'Hồ sơ này không có số điện thoại: chỉ tài khoản đã nộp hồ sơ hoặc Bộ phận một cửa mới thay đổi được',
    en: phone
      ? 'Confirm you are the applicant: get a code by SMS on the phone given with the dossier, or sign in to the account that filed it'
      : 'This dossier has no phone number: only the account that filed it, or the one-stop counter, can change it',
  });
}

/** Whether a staff member may read this dossier (dossier.read on its unit): staff print its forms at the counter. */
export function staffReads(request: FastifyRequest, unitPath: string): boolean {
  return !!request.auth && scopeOf(request.auth, Permission.DOSSIER_READ).prefixes.some((p) => unitPath.startsWith(p));
}

const noPhone = () =>
  conflict({
    vi: 'Hồ sơ này không có số điện thoại để nhận mã: hãy đăng nhập tài khoản đã nộp hồ sơ hoặc đến Bộ phận một cửa',
    en: 'This dossier has no phone number to send a code to: sign in to the account that filed it, or visit the counter',
  });

/** The text of a dossier's code: the code first (the phone shows it in the notification), then what it is for. */
const dossierCode =
  (sms: SmsSender, dossierCodeText: string): CodeSender =>
  (phone, code) =>
    sms.send(
      phone,
      `${code} la ma xac nhan nguoi nop ho so ${dossierCodeText} tren Ketnoi, hieu luc 10 phut. Khong chia se ma nay voi ai.`,
    );

/**
 * Sends a one-time code to the applicant's phone on file, never to a number the caller gives: 3 an hour per phone and
 * per dossier (in the database), besides the route's per-address limit. Answers with the digits shown on the page.
 */
export async function sendApplicantCode(
  { database, cipher }: { database: Database; cipher: PiiCipher },
  sms: SmsSender,
  token: string,
  actor: Actor,
): Promise<{ phoneEnding: string }> {
  const { dossier } = await getDossier(database.db, byToken(token));
  if (!dossier.applicantPhoneEnc) throw noPhone();
  const phone = cipher.decrypt(dossier.applicantPhoneEnc);
  await sendPhoneCode(database, cipher, dossierCode(sms, dossier.code), phone, actor, 'DOSSIER', dossier.id);
  return { phoneEnding: phoneEnding(phone) };
}

/**
 * Checks a code sent for this dossier and gives a 30-minute proof for it alone. A wrong code counts against the code
 * (five burn it) and is audited, as is the proof.
 */
export async function proveWithCode(database: Database, token: string, code: string, actor: Actor) {
  const proved = await database.db.transaction(async (tx) => {
    const [dossier] = await tx
      .select({ id: dossiers.id, phoneBidx: dossiers.applicantPhoneBidx })
      .from(dossiers)
      .where(byToken(token));
    if (!dossier) throw dossierNotFound();
    if (!dossier.phoneBidx) throw noPhone();
    const ok = await useCode(tx, dossier.phoneBidx, code, 'DOSSIER', dossier.id);
    await insertAudit(tx, actor, {
      action: ok ? 'dossier.proof' : 'dossier.proof_failed',
      entityType: 'dossier',
      entityId: dossier.id,
      details: { via: 'CODE' },
    });
    return ok ? (await issueProofs(tx, [{ id: dossier.id, token }], 'CODE'))[0]! : null;
  });
  if (!proved) throw wrongCode();
  return proved;
}

/** Ends a proof of this dossier before its time (the applicant is done on a shared phone). */
export async function forgetProof(db: Tx, token: string, cookie: string | undefined) {
  const { dossier } = await getDossier(db, byToken(token));
  if (cookie)
    await db
      .delete(dossierProofs)
      .where(and(eq(dossierProofs.tokenHash, sha256(cookie)), eq(dossierProofs.dossierId, dossier.id)));
}
