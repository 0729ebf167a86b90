import type { CitizenLanguage } from '../../../shared/languages.js';
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { foldText, cleanName } from '../../../shared/text.js';
import type { Channel } from '../../../shared/onestop.js';
import type { Database, Tx } from '../../db/client.js';
import { dossiers, procedures, residents, units } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import {
  AppError,
  conflict,
  isUniqueViolation,
  notFound,
  unitClosed,
  validation,
  type Message,
} from '../../lib/errors.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import type { Actor } from '../../lib/auth-context.js';
import { sha256 } from '../../lib/hash.js';
import { ErrorCode } from '../../../shared/enums.js';
import { insertAudit } from '../audit/audit.repo.js';
import { findCommuneByCode } from '../units/units.service.js';
import { queueDossierMail } from '../mail/mail.service.js';
import { localParts } from '../calendar/working-days.js';
import { computeDue, settingsOf } from './dossiers.clock.js';
import { formatCode, nextSequence } from './dossiers.codes.js';
import { planBundle } from './dossiers.bundle.js';
import { copyFileTo, insertPapersOnPaper } from './dossiers.papers.js';
import { bundleMembers, claimUploads, insertEvent, markDigitized } from './dossiers.repo.js';
import type { SubmitInput } from './dossiers.schemas.js';

type ProcedureRow = typeof procedures.$inferSelect;
type UnitRow = typeof units.$inferSelect;
export type Submitted = {
  id: number;
  code: string;
  token: string;
  bundle: { id: number; code: string; token: string; procedureCode: string }[];
};
export type Submitter =
  /** `language`: the page's language when submitting, for the fixed text of the status emails. */
  | { kind: 'APPLICANT'; actor: Actor; citizenId?: number; language?: CitizenLanguage }
  /**
   * Staff at the counter; `receives` when they may receive dossiers themselves (then the receipt is issued at once).
   */
  | { kind: 'STAFF'; actor: Actor; userId: number; name: string; receives: boolean };

/**
 * A retry guard: the client's key, who the caller is (`citizen:<id>`, `staff:<id>` or `client:<hash>`) and the hash
 * of what they sent. A key is looked up only within its caller and commune.
 */
export type Idempotency = { key: string; scope: string; bodyHash: string };

const problem = (field: string, code: string, message: Message) => ({ field, code, message });
export const newToken = () => randomBytes(24).toString('base64url');

/** The commune a citizen submits to, by its national code; closed communes take no new dossiers. */
export async function communeByCode(db: Tx, code: string): Promise<UnitRow> {
  const unit = await findCommuneByCode(db, code);
  if (unit.closedAt) throw unitClosed();
  return unit;
}

/**
 * The commune a staff member submits to at the counter: one inside their reach, or the commune of the residential
 * group a digital-team member serves (they help at their own commune's counter).
 */
export async function communeForCounter(db: Tx, unitId: number, scope: Scope): Promise<UnitRow> {
  const [unit] = await db.select().from(units).where(eq(units.id, unitId));
  if (unit?.tier !== 'COMMUNE' || !scope.prefixes.some((p) => unit.path.startsWith(p) || p.startsWith(unit.path))) {
    throw notFound({
      vi: 'Không tìm thấy xã, phường này trong phạm vi của bạn',
      en: 'This commune is not within your units',
    });
  }
  if (unit.closedAt) throw unitClosed();
  return unit;
}

async function publishedProcedures(db: Tx, codes: string[]): Promise<Map<string, ProcedureRow>> {
  const rows = await db
    .select()
    .from(procedures)
    .where(and(inArray(procedures.code, codes), eq(procedures.status, 'PUBLISHED')));
  return new Map(rows.map((r) => [r.code, r]));
}

export function feeFor(procedure: ProcedureRow, channel: Channel): number {
  const fees = procedure.fees;
  return (fees.find((f) => f.channel === channel) ?? fees.find((f) => f.channel === 'IN_PERSON'))?.amountVnd ?? 0;
}

/**
 * Checks the submission against its procedures (the main one and a bundle's linked ones): channel, return method,
 * each procedure's own fields (a key shared by two is typed once); every problem at once.
 */
function checkAgainstProcedures(all: ProcedureRow[], input: SubmitInput, channel: Channel) {
  const problems = [];
  if (channel === 'ONLINE' && all.some((p) => p.onlineLevel === 'NONE')) {
    throw new AppError('CONFLICT', 409, {
      vi: 'Thủ tục này chưa nhận hồ sơ trực tuyến; vui lòng nộp tại Bộ phận một cửa của xã, phường',
      en: 'This procedure cannot be submitted online yet; please submit at the one-stop counter',
    });
  }
  if (input.returnMethod === 'POST' && all.some((p) => !p.postalAllowed)) {
    problems.push(
      problem('returnMethod', 'POST_NOT_ALLOWED', {
        vi: 'Thủ tục này không trả kết quả qua bưu điện',
        en: 'This procedure does not return results by post',
      }),
    );
  }
  const fields = new Map(all.flatMap((p) => p.formFields.map((f) => [f.key, f] as const)));
  const required = new Set(all.flatMap((p) => p.formFields.filter((f) => f.required).map((f) => f.key)));
  for (const f of fields.values()) {
    if (required.has(f.key) && !input.fields[f.key]?.trim())
      problems.push(
        problem(`fields.${f.key}`, 'REQUIRED', { vi: `Chưa nhập "${f.labelVi}"`, en: `"${f.labelEn}" is required` }),
      );
    if (f.type === 'date' && input.fields[f.key] && !/^\d{4}-\d{2}-\d{2}$/.test(input.fields[f.key]!)) {
      problems.push(
        problem(`fields.${f.key}`, 'DATE', {
          vi: `"${f.labelVi}" phải là một ngày`,
          en: `"${f.labelEn}" must be a date`,
        }),
      );
    }
  }
  for (const key of Object.keys(input.fields)) {
    if (!fields.has(key))
      problems.push(
        problem(`fields.${key}`, 'UNKNOWN_FIELD', {
          vi: 'Thủ tục này không có trường này',
          en: 'This procedure has no such field',
        }),
      );
  }
  if (problems.length) throw validation(problems);
}

/**
 * Submits a dossier (and, for an interconnected group, its linked dossiers) in one transaction: the daily code,
 * the secret status token, the uploads claimed, the first event; at the counter an officer's submission is received
 * on the spot (Form 01 with the due date). A retry by the same caller to the same commune with the same key and the
 * same content returns the first result; the same key with other content is refused (422).
 */
export async function submitDossier(
  database: Database,
  cipher: PiiCipher,
  unit: UnitRow,
  input: SubmitInput,
  channel: Channel,
  by: Submitter,
  idempotency?: Idempotency,
): Promise<Submitted> {
  const db = database.db;
  if (idempotency) {
    const previous = await findByIdempotencyKey(db, unit.id, idempotency);
    if (previous) return previous;
  }
  const codes = [input.procedureCode, ...input.bundleWith.filter((c) => c !== input.procedureCode)];
  const found = await publishedProcedures(db, codes);
  const main = found.get(input.procedureCode);
  if (!main)
    throw notFound({
      vi: `Không có thủ tục mã ${input.procedureCode} đang được công bố`,
      en: `No published procedure has code ${input.procedureCode}`,
    });
  const linked = codes.slice(1).map((code) => {
    const p = found.get(code);
    if (!p || !main.bundle || p.bundle !== main.bundle) {
      throw validation([
        problem('bundleWith', 'NOT_IN_GROUP', {
          vi: `Thủ tục ${code} không thuộc nhóm liên thông của thủ tục ${main.code}`,
          en: `Procedure ${code} is not in the same interconnected group as ${main.code}`,
        }),
      ]);
    }
    return p;
  });
  checkAgainstProcedures([main, ...linked], input, channel);
  const plans = planBundle([main, ...linked], input, by.kind === 'STAFF');

  const pidBidx = cipher.blindIndex(input.applicant.personalId, 'pid');
  const applicant = {
    applicantName: cleanName(input.applicant.fullName),
    applicantPidEnc: cipher.encrypt(input.applicant.personalId),
    applicantPidBidx: pidBidx,
    applicantPhoneEnc: cipher.encrypt(input.applicant.phone),
    applicantPhoneBidx: cipher.blindIndex(input.applicant.phone, 'phone'),
    applicantEmail: input.applicant.email ?? null,
    applicantAddress: input.applicant.address ?? null,
    applicantLanguage: by.kind === 'APPLICANT' ? (by.language ?? 'vi') : 'vi',
  };

  try {
    return await db.transaction(async (tx) => {
      const settings = await settingsOf(tx, unit.id);
      const now = new Date();
      const day = localParts(now).day;
      const [resident] = await tx
        .select({ id: residents.id })
        .from(residents)
        .where(eq(residents.personalIdBidx, pidBidx))
        .limit(1);
      const receives = by.kind === 'STAFF' && by.receives;
      const made: Submitted['bundle'] = [];
      let bundleId: number | null = null;
      for (const plan of plans) {
        const procedure = plan.procedure;
        const code = formatCode(settings.codePattern, unit.code, day, await nextSequence(tx, unit.id, day));
        const token = newToken();
        const dueAt = receives ? await computeDue(tx, now, procedure, settings) : null;
        const inserted: { id: number }[] = await tx
          .insert(dossiers)
          .values({
            code,
            lookupToken: token,
            unitId: unit.id,
            procedureId: procedure.id,
            bundleId,
            channel,
            status: receives ? 'RECEIVED' : 'NEW',
            ...applicant,
            searchText: foldText(`${code} ${applicant.applicantName}`),
            residentId: resident?.id ?? null,
            citizenId: by.kind === 'APPLICANT' ? (by.citizenId ?? null) : null,
            formData: plan.fields,
            returnMethod: input.returnMethod,
            postalAddress: input.postalAddress ?? null,
            feeAmount: feeFor(procedure, channel),
            fullOnlineEligible: procedure.onlineLevel === 'FULL',
            submittedAt: now,
            receivedAt: receives ? now : null,
            dueAt,
            createdBy: by.kind === 'STAFF' ? by.userId : null,
            ...(idempotency && procedure.id === main.id
              ? {
                  idempotencyKey: idempotency.key,
                  idempotencyScope: idempotency.scope,
                  idempotencyBodyHash: idempotency.bodyHash,
                }
              : {}),
          })
          .returning({ id: dossiers.id });
        const id: number = inserted[0]!.id;
        if (bundleId === null && linked.length > 0) {
          bundleId = id;
          await tx.update(dossiers).set({ bundleId: id }).where(eq(dossiers.id, id));
        }
        const actor =
          by.kind === 'STAFF'
            ? { actorKind: 'STAFF' as const, actorUserId: by.userId, actorName: by.name }
            : { actorKind: 'APPLICANT' as const, actorUserId: null, actorName: null };
        await insertEvent(tx, {
          dossierId: id,
          action: 'SUBMIT',
          fromStatus: null,
          toStatus: 'NEW',
          ...actor,
          data: { channel },
        });
        if (receives)
          await insertEvent(tx, {
            dossierId: id,
            action: 'RECEIVE',
            fromStatus: 'NEW',
            toStatus: 'RECEIVED',
            ...actor,
            formType: 'MAU_01',
            data: { dueAt: dueAt!.toISOString() },
          });
        if (procedure.id === main.id) {
          await queueDossierMail(
            tx,
            { id, applicantEmail: applicant.applicantEmail },
            'SUBMIT',
            null,
            receives ? 'RECEIVED' : 'NEW',
          );
        }
        const claimed = await claimUploads(tx, id, plan.claims);
        if (claimed !== plan.claims.length) {
          throw validation([
            problem('uploads', 'UPLOAD_NOT_FOUND', {
              vi: 'Có tệp đính kèm không tìm thấy hoặc đã được dùng; hãy tải lại tệp',
              en: 'An attached file was not found or was already used; upload it again',
            }),
          ]);
        }
        for (const copy of plan.copies) await copyFileTo(tx, copy.fileId, id, copy.paper);
        if (plan.copies.length) await markDigitized(tx, id);
        if (by.kind === 'STAFF') await insertPapersOnPaper(tx, id, plan.onPaper, by.userId);
        await insertAudit(tx, by.actor, {
          action: 'dossier.submit',
          entityType: 'dossier',
          entityId: id,
          details: { code, channel, procedure: procedure.code },
        });
        made.push({ id, code, token, procedureCode: procedure.code });
      }
      const first = made[0]!;
      return { id: first.id, code: first.code, token: first.token, bundle: made.slice(1) };
    });
  } catch (error) {
    // Two retries of one submission racing: the loser finds the winner's dossier.
    if (idempotency && isUniqueViolation(error, 'dossiers_idempotency_scope_key')) {
      const previous = await findByIdempotencyKey(db, unit.id, idempotency);
      if (previous) return previous;
      throw conflict({
        vi: 'Hồ sơ này đang được gửi, vui lòng thử lại',
        en: 'This submission is in progress; try again',
      });
    }
    throw error;
  }
}

const keyReused = () =>
  new AppError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 422, {
    vi: 'Mã chống gửi trùng (Idempotency-Key) này đã được dùng để nộp một hồ sơ có nội dung khác; hãy tải lại trang rồi nộp lại',
    en: 'This Idempotency-Key was already used for a submission with other content; reload the page and submit again',
  });

/** The caller's own earlier submission with this key to this commune; the same key with other content is refused. */
async function findByIdempotencyKey(db: Tx, unitId: number, idempotency: Idempotency): Promise<Submitted | undefined> {
  const [row] = await db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      token: dossiers.lookupToken,
      bundleId: dossiers.bundleId,
      bodyHash: dossiers.idempotencyBodyHash,
    })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.unitId, unitId),
        eq(dossiers.idempotencyScope, idempotency.scope),
        eq(dossiers.idempotencyKey, idempotency.key),
      ),
    );
  if (!row) return undefined;
  if (row.bodyHash !== idempotency.bodyHash) throw keyReused();
  const linked = await bundleMembers(db, row.bundleId, row.id);
  return {
    id: row.id,
    code: row.code,
    token: row.token,
    bundle: linked.map(({ id, code, token, procedureCode }) => ({ id, code, token, procedureCode })),
  };
}

/** JSON with every object's keys sorted, so the same submission always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The hash an idempotency key is bound to: the submission as validated, whatever the order of its keys. */
export const submissionHash = (body: unknown) => sha256(canonicalJson(body));
