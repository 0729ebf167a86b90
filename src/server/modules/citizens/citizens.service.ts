import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Database, Tx } from '../../db/client.js';
import { citizens, citizenSessions, dossiers, phoneCodes, procedures } from '../../db/schema/index.js';
import { AppError, conflict, validation } from '../../lib/errors.js';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/passwords.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import type { SmsSender } from '../../lib/sms.js';
import { sha256 } from '../../lib/hash.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { RegisterInput } from './citizens.schemas.js';
import { type CitizenLanguage, procedureNameIn } from '../../../shared/languages.js';

export const CITIZEN_COOKIE = 'ketnoi_citizen';
const CODE_MINUTES = 10;
const CODES_PER_HOUR = 3;
const CODE_ATTEMPTS = 5;
const LOGIN_FAILURES = 5;
const SESSION_DAYS = 30;

/** Delivers a one-time code to a phone: by SMS, or (joining a group channel) as a Zalo ZNS message. */
export type CodeSender = (phone: string, code: string) => Promise<void>;
export const smsCode =
  (sms: SmsSender): CodeSender =>
  (phone, code) =>
    sms.send(
      phone,
      `Ma xac thuc Ketnoi cua ban la ${code}. Ma co hieu luc ${CODE_MINUTES} phut. Khong chia se ma nay voi bat ky ai.`,
    );

/** What a code proves: a phone for a new account, a phone joining a group channel, or a dossier's applicant. */
export type CodePurpose = 'REGISTER' | 'JOIN' | 'DOSSIER';

const tooManyCodes = () =>
  new AppError('RATE_LIMITED', 429, {
    vi: 'Đã gửi mã quá 3 lần trong một giờ; vui lòng thử lại sau',
    en: 'Three codes were sent this hour; try again later',
  });

/**
 * Sends a 6-digit code to prove a phone number: at most 3 an hour per number (whatever the purpose) and, for a
 * dossier's applicant, 3 an hour per dossier; valid 10 minutes, hashed at rest, audited.
 */
export async function sendPhoneCode(
  database: Database,
  cipher: PiiCipher,
  deliver: CodeSender,
  phone: string,
  actor: Actor,
  purpose: CodePurpose = 'REGISTER',
  dossierId?: number,
): Promise<void> {
  const phoneBidx = cipher.blindIndex(phone, 'phone');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await database.db.transaction(async (tx) => {
    // Serialise requests for one number so the hourly cap holds under concurrent requests.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`phone-code:${phoneBidx}`}))`);
    const recent = async (where: SQL | undefined) => {
      const [row] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(phoneCodes)
        .where(and(where, gt(phoneCodes.createdAt, sql`now() - interval '1 hour'`)));
      return row!.count;
    };
    if ((await recent(eq(phoneCodes.phoneBidx, phoneBidx))) >= CODES_PER_HOUR) throw tooManyCodes();
    if (dossierId !== undefined && (await recent(eq(phoneCodes.dossierId, dossierId))) >= CODES_PER_HOUR)
      throw tooManyCodes();
    await tx.insert(phoneCodes).values({
      phoneBidx,
      purpose,
      dossierId: dossierId ?? null,
      codeHash: sha256(`${phoneBidx}:${code}`),
      expiresAt: sql`now() + interval '${sql.raw(String(CODE_MINUTES))} minutes'`,
    });
    await insertAudit(
      tx,
      actor,
      dossierId === undefined
        ? { action: 'citizen.code', entityType: 'phone', entityId: phoneBidx.slice(0, 12) }
        : { action: 'dossier.proof_code', entityType: 'dossier', entityId: dossierId },
    );
  });
  await deliver(phone, code);
}

export const wrongCode = () =>
  validation([
    {
      field: 'code',
      code: 'CODE',
      message: { vi: 'Mã xác thực không đúng hoặc đã hết hạn', en: 'The code is wrong or has expired' },
    },
  ]);

/**
 * Checks the newest unused code for a number and marks it used. A wrong try is counted and the caller's transaction
 * still commits (so the count sticks); five wrong tries burn the code. With `purpose` (and `dossierId`), only a code
 * sent for that purpose (and that dossier) counts; without, any code but a dossier's.
 */
export async function useCode(
  tx: Tx,
  phoneBidx: string,
  code: string,
  purpose: CodePurpose,
  dossierId?: number,
): Promise<boolean> {
  const [row] = await tx
    .select()
    .from(phoneCodes)
    .where(
      and(
        eq(phoneCodes.phoneBidx, phoneBidx),
        // A code proves a phone for one purpose only: a sign-up code does not join a group, nor act on a dossier.
        eq(phoneCodes.purpose, purpose),
        dossierId === undefined ? undefined : eq(phoneCodes.dossierId, dossierId),
        isNull(phoneCodes.usedAt),
        gt(phoneCodes.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(phoneCodes.id))
    .limit(1)
    .for('update');
  if (!row || row.attempts >= CODE_ATTEMPTS) return false;
  const expected = Buffer.from(row.codeHash);
  const given = Buffer.from(sha256(`${phoneBidx}:${code}`));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    await tx
      .update(phoneCodes)
      .set({ attempts: row.attempts + 1 })
      .where(eq(phoneCodes.id, row.id));
    return false;
  }
  await tx.update(phoneCodes).set({ usedAt: sql`now()` }).where(eq(phoneCodes.id, row.id));
  return true;
}

async function startSession(tx: Tx, citizenId: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx.insert(citizenSessions).values({
    tokenHash: sha256(token),
    citizenId,
    csrfToken,
    expiresAt: sql`now() + interval '${sql.raw(String(SESSION_DAYS))} days'`,
  });
  return { token, csrfToken };
}

/** Opens an account once the phone's code checks out; one account per phone number. */
export async function register(database: Database, cipher: PiiCipher, input: RegisterInput, actor: Actor) {
  const phoneBidx = cipher.blindIndex(input.phone, 'phone');
  const passwordHash = await hashPassword(input.password);
  const made = await database.db.transaction(async (tx) => {
    if (!(await useCode(tx, phoneBidx, input.code, 'REGISTER'))) return null;
    const [existing] = await tx.select({ id: citizens.id }).from(citizens).where(eq(citizens.phoneBidx, phoneBidx));
    if (existing)
      throw conflict({
        vi: 'Số điện thoại này đã có tài khoản; hãy đăng nhập',
        en: 'This phone number already has an account; sign in',
      });
    const [row] = await tx
      .insert(citizens)
      .values({
        fullName: input.fullName,
        phoneEnc: cipher.encrypt(input.phone),
        phoneBidx,
        personalIdEnc: cipher.encrypt(input.personalId),
        personalIdBidx: cipher.blindIndex(input.personalId, 'pid'),
        passwordHash,
      })
      .returning({ id: citizens.id });
    await insertAudit(tx, actor, { action: 'citizen.register', entityType: 'citizen', entityId: row!.id });
    return { citizenId: row!.id, ...(await startSession(tx, row!.id)) };
  });
  if (!made) throw wrongCode();
  return made;
}

/** Password sign-in by phone, with the same temporary lockout as staff after repeated failures. */
export async function login(database: Database, cipher: PiiCipher, phone: string, password: string, actor: Actor) {
  const phoneBidx = cipher.blindIndex(phone, 'phone');
  const [c] = await database.db.select().from(citizens).where(eq(citizens.phoneBidx, phoneBidx));
  const denied = () =>
    new AppError('UNAUTHENTICATED', 401, {
      vi: 'Số điện thoại hoặc mật khẩu không đúng',
      en: 'Wrong phone number or password',
    });
  // The attempt is counted before the password is checked, in one statement (parallel guesses queue on the row and
  // a lock stops them at LOGIN_FAILURES); an unknown phone and a locked account cost the same hash and get the same
  // 401 as a wrong password, so the answer never tells whether a phone has an account (as staff sign-in).
  const count = sql`case when ${citizens.lockedUntil} is null then ${citizens.failedLogins} + 1 else 1 end`;
  const [taken] = c
    ? await database.db
        .update(citizens)
        .set({
          failedLogins: count,
          lockedUntil: sql`case when ${count} >= ${LOGIN_FAILURES} then now() + interval '15 minutes' end`,
        })
        .where(and(eq(citizens.id, c.id), sql`(${citizens.lockedUntil} is null or ${citizens.lockedUntil} <= now())`))
        .returning({ id: citizens.id })
    : [];
  const ok = await verifyPassword(taken ? c!.passwordHash : await dummyHash(), password);
  if (!c || !taken || !ok) {
    await insertAudit(database.db, actor, {
      action: 'citizen.login.failed',
      entityType: c ? 'citizen' : undefined,
      entityId: c?.id,
      details: { reason: !c ? 'unknown_phone' : !taken ? 'locked' : 'password' },
    });
    throw denied();
  }
  return database.db.transaction(async (tx) => {
    await tx.update(citizens).set({ failedLogins: 0, lockedUntil: null }).where(eq(citizens.id, c.id));
    await insertAudit(tx, actor, { action: 'citizen.login', entityType: 'citizen', entityId: c.id });
    return { citizenId: c.id, ...(await startSession(tx, c.id)) };
  });
}

export type CitizenContext = {
  id: number;
  fullName: string;
  phone: string;
  personalId: string;
  csrfToken: string;
  tokenHash: string;
};

/** The signed-in citizen of a request (cookie), or null. */
export async function citizenOf(db: Tx, cipher: PiiCipher, request: FastifyRequest): Promise<CitizenContext | null> {
  const token = request.cookies[CITIZEN_COOKIE];
  if (!token) return null;
  const [row] = await db
    .select({ c: citizens, csrfToken: citizenSessions.csrfToken, tokenHash: citizenSessions.tokenHash })
    .from(citizenSessions)
    .innerJoin(citizens, eq(citizens.id, citizenSessions.citizenId))
    .where(and(eq(citizenSessions.tokenHash, sha256(token)), gt(citizenSessions.expiresAt, sql`now()`)));
  if (!row) return null;
  return {
    id: row.c.id,
    fullName: row.c.fullName,
    phone: cipher.decrypt(row.c.phoneEnc),
    personalId: cipher.decrypt(row.c.personalIdEnc),
    csrfToken: row.csrfToken,
    tokenHash: row.tokenHash,
  };
}

/** A citizen's state-changing request must echo the session's CSRF token, as staff requests do. */
export function checkCitizenCsrf(request: FastifyRequest, citizen: CitizenContext) {
  if (request.headers['x-csrf-token'] !== citizen.csrfToken) {
    throw new AppError('CSRF', 403, {
      vi: 'Phiên làm việc đã hết hạn hoặc không hợp lệ, vui lòng tải lại trang',
      en: 'Missing or invalid CSRF token; reload the page',
    });
  }
}

export async function logout(db: Tx, citizen: CitizenContext) {
  await db.delete(citizenSessions).where(eq(citizenSessions.tokenHash, citizen.tokenHash));
}

/**
 * The account's own dossiers, newest first: what "Hồ sơ của tôi" lists, each procedure named in the reader's language
 * (the Vietnamese name, flagged, where the commune entered none).
 */
export async function dossiersOf(db: Tx, citizenId: number, language: CitizenLanguage) {
  const rows = await db
    .select({
      code: dossiers.code,
      token: dossiers.lookupToken,
      status: dossiers.status,
      submittedAt: dossiers.submittedAt,
      nameVi: procedures.nameVi,
      nameEn: procedures.nameEn,
      translations: procedures.translations,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(eq(dossiers.citizenId, citizenId))
    .orderBy(desc(dossiers.id))
    .limit(100);
  return rows.map((r) => {
    const { name, translated } = procedureNameIn(r, language);
    return {
      code: r.code,
      token: r.token,
      status: r.status,
      submittedAt: r.submittedAt.toISOString(),
      procedureName: name,
      procedureNameFallback: !translated,
    };
  });
}
