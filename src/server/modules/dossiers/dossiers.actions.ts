import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/enums.js';
import {
  actionAllowed,
  workflow,
  type ActionActor,
  type DossierAction,
  type DossierStatus,
} from '../../../shared/onestop.js';
import { Permission, roleGrants } from '../../../shared/permissions.js';
import type { Database, Tx } from '../../db/client.js';
import { dossiers, roleAssignments, units } from '../../db/schema/index.js';
import { AppError, conflict, forbidden, validation } from '../../lib/errors.js';
import { formatDateVi } from '../../lib/pdf.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { queueDossierMail } from '../mail/mail.service.js';
import { END_OF_DAY, localInstant, localParts } from '../calendar/working-days.js';
import { computeDue, computeResumedDue, settingsOf, workingDaysLater } from './dossiers.clock.js';
import { checkReadyToClose } from './dossiers.papers.js';
import { findDossier, getDossier, insertEvent, type DossierWithNames } from './dossiers.repo.js';
import { checkNewDueDay, checkReturnReady } from './dossiers.results.js';
import type { ActionInput } from './dossiers.schemas.js';

/**
 * Staff act in the workflow roles they hold on the dossier's unit (`actorsOn`), read from the locked row; the
 * applicant acts once proven (`proof`: how, recorded in the audit entry).
 */
export type ActingAs =
  | { kind: 'STAFF'; actor: Actor; userId: number; name: string; actorsFor: (unitPath: string) => ActionActor[] }
  | { kind: 'APPLICANT'; actor: Actor; proof: Record<string, unknown> };

/** An action to take; `version` is the one a screen showed (checked when given: the API always gives it). */
export type TakeActionInput = Omit<ActionInput, 'version'> & { version?: number };

const statusNames: Record<DossierStatus, { vi: string; en: string }> = {
  NEW: { vi: 'Mới đăng ký', en: 'New' },
  RECEIVED: { vi: 'Đã tiếp nhận', en: 'Received' },
  REFUSED: { vi: 'Không được tiếp nhận', en: 'Refused' },
  PROCESSING: { vi: 'Đang xử lý', en: 'Processing' },
  SUPPLEMENT_REQUESTED: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  PAYMENT_REQUESTED: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Fee due' },
  WITHDRAWN: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  STOPPED: { vi: 'Dừng xử lý', en: 'Stopped' },
  RESOLVED: { vi: 'Đã xử lý xong', en: 'Resolved' },
  RETURNED: { vi: 'Đã trả kết quả', en: 'Returned' },
};

export const notAllowedNow = (action: string, status: DossierStatus) =>
  new AppError('CONFLICT', 409, {
    vi: `Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái "${statusNames[status].vi}"`,
    en: `This action (${action}) is not possible while the dossier is "${statusNames[status].en}"`,
  });

/** Whether a user may process dossiers of a unit: the assignee must be a one-stop officer or leader there. */
async function canProcessAt(tx: Tx, userId: number, unitPath: string): Promise<boolean> {
  const roles = await tx
    .select({ role: roleAssignments.role, path: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.userId, userId));
  return roles.some((r) => unitPath.startsWith(r.path) && roleGrants(r.role as Role, Permission.DOSSIER_PROCESS));
}

/**
 * Takes one workflow action on a dossier, inside one transaction with the row locked: the workflow table decides
 * whether it is allowed (409 otherwise), the dossier's version guards against a stale screen, and an append-only
 * event records who, when, why and which form. `within` runs in the same transaction (papers that come with a
 * supplement), so an action and what it carries succeed or fail together.
 */
export async function takeAction(
  database: Database,
  where: Parameters<typeof findDossier>[1],
  input: TakeActionInput,
  by: ActingAs,
  within?: (tx: Tx, dossierId: number, found: DossierWithNames) => Promise<void>,
): Promise<DossierWithNames> {
  const action = input.action as DossierAction;
  return database.db.transaction(async (tx) => {
    const found = await getDossier(tx, where, true);
    const d = found.dossier;
    const status = d.status as DossierStatus;
    const state = { status, awaitingApproval: d.awaitingApproval, requiresApproval: found.requiresApproval };
    const actors: ActionActor[] = by.kind === 'STAFF' ? by.actorsFor(found.unitPath) : ['applicant'];
    if (actors.length === 0) throw forbidden();
    if (!actors.some((a) => actionAllowed(action, state, a))) {
      const anyoneCould = (['officer', 'leader', 'applicant'] as const).some((a) => actionAllowed(action, state, a));
      if (anyoneCould)
        throw new AppError('FORBIDDEN', 403, {
          vi: 'Vai trò của bạn không được thực hiện thao tác này',
          en: 'Your role cannot take this action',
        });
      throw notAllowedNow(action, status);
    }
    if (input.version !== undefined && input.version !== d.version) {
      throw conflict({
        vi: 'Hồ sơ vừa được người khác cập nhật; hãy tải lại trang',
        en: 'Someone else just changed this dossier; reload the page',
      });
    }
    await checkReadyToClose(tx, found, action);
    const rule = workflow[action];
    if ('reasonRequired' in rule && rule.reasonRequired && !input.reason?.trim()) {
      throw validation([
        { field: 'reason', code: 'REQUIRED', message: { vi: 'Hãy ghi rõ lý do', en: 'A reason is required' } },
      ]);
    }

    const now = new Date();
    const set: Partial<typeof dossiers.$inferInsert> = {};
    let to: DossierStatus = rule.to ?? status;
    const data: Record<string, unknown> = {};
    switch (action) {
      case 'RECEIVE': {
        const due = await computeDue(tx, now, found, await settingsOf(tx, d.unitId));
        Object.assign(set, { receivedAt: now, dueAt: due });
        data.dueAt = due.toISOString();
        break;
      }
      case 'REFUSE':
      case 'WITHDRAW':
      case 'STOP':
        set.closedAt = now;
        break;
      case 'REQUEST_SUPPLEMENT': {
        // The clock stops only once the dossier is received; a supplement asked at reception just waits.
        Object.assign(set, { statusBeforeSupplement: status, pausedAt: d.dueAt ? now : null });
        // Interconnected groups (Decree 63/2024): 7 working days to provide the papers, or the dossier stops.
        if (d.bundleId !== null) {
          set.supplementDueAt = await workingDaysLater(tx, now, 7);
          data.supplementDueAt = set.supplementDueAt.toISOString();
        }
        break;
      }
      case 'SUPPLEMENT': {
        to = (d.statusBeforeSupplement as DossierStatus | null) ?? 'RECEIVED';
        if (d.pausedAt && d.dueAt) {
          const due = await computeResumedDue(tx, d.dueAt, d.pausedAt, now);
          set.dueAt = due;
          data.dueAt = due.toISOString();
          // An apology's date moves the same: the days spent waiting for papers do not count against it either.
          if (d.extendedDueAt) set.extendedDueAt = await computeResumedDue(tx, d.extendedDueAt, d.pausedAt, now);
        }
        Object.assign(set, { statusBeforeSupplement: null, pausedAt: null, supplementDueAt: null });
        break;
      }
      case 'ASSIGN': {
        const assigneeId = input.assigneeId ?? (by.kind === 'STAFF' ? by.userId : undefined);
        const [unit] = await tx.select({ path: units.path }).from(units).where(eq(units.id, d.unitId));
        if (!assigneeId || !(await canProcessAt(tx, assigneeId, unit!.path))) {
          throw validation([
            {
              field: 'assigneeId',
              code: 'NOT_AN_OFFICER',
              message: {
                vi: 'Người được giao phải là cán bộ một cửa của xã, phường này',
                en: 'The assignee must be a one-stop officer of this commune',
              },
            },
          ]);
        }
        set.assigneeId = assigneeId;
        data.assigneeId = assigneeId;
        break;
      }
      case 'SEND_FOR_APPROVAL':
        set.awaitingApproval = true;
        break;
      case 'SEND_BACK':
        set.awaitingApproval = false;
        break;
      case 'APPROVE':
      case 'RESOLVE':
        // On time is frozen now (Decision 766): judged against the legal due date, not an apology's new date.
        Object.assign(set, {
          resolvedAt: now,
          awaitingApproval: false,
          onTime: d.dueAt ? now.getTime() <= d.dueAt.getTime() : true,
        });
        break;
      case 'RETURN':
        await checkReturnReady(tx, d.id, input.returnMethod ?? d.returnMethod);
        Object.assign(set, {
          returnedAt: now,
          closedAt: now,
          ...(input.returnMethod ? { returnMethod: input.returnMethod } : {}),
        });
        if (d.returnMethod === 'POST' && input.returnMethod === undefined) data.byPost = true;
        break;
      case 'APOLOGIZE': {
        if (!input.newDueDate)
          throw validation([
            {
              field: 'newDueDate',
              code: 'REQUIRED',
              message: { vi: 'Hãy chọn ngày hẹn trả mới', en: 'Choose the new return date' },
            },
          ]);
        const newDue = localInstant(input.newDueDate, END_OF_DAY);
        const current = d.extendedDueAt ?? d.dueAt;
        if (current && newDue.getTime() <= current.getTime()) {
          throw validation([
            {
              field: 'newDueDate',
              code: 'NOT_LATER',
              message: {
                vi: `Ngày hẹn mới phải sau ngày ${formatDateVi(current)}`,
                en: `The new date must be after ${localParts(current).day}`,
              },
            },
          ]);
        }
        await checkNewDueDay(tx, input.newDueDate);
        set.extendedDueAt = newDue;
        data.newDueAt = newDue.toISOString();
        // Form 04 states the date it replaces: the first one, or the previous apology's.
        if (current) data.previousDueAt = current.toISOString();
        break;
      }
      case 'REQUEST_PAYMENT':
        break;
    }
    await tx
      .update(dossiers)
      .set({ ...set, status: to, version: sql`${dossiers.version} + 1`, updatedAt: now })
      .where(and(eq(dossiers.id, d.id)));
    await insertEvent(tx, {
      dossierId: d.id,
      action,
      fromStatus: status,
      toStatus: to,
      at: now,
      actorKind: by.kind,
      actorUserId: by.kind === 'STAFF' ? by.userId : null,
      actorName: by.kind === 'STAFF' ? by.name : null,
      reason: input.reason?.trim() || null,
      formType: 'form' in rule ? rule.form : null,
      data: Object.keys(data).length ? data : null,
    });
    if (within) await within(tx, d.id, found);
    await queueDossierMail(tx, d, action, status, to, input.reason);
    await insertAudit(tx, by.actor, {
      action: `dossier.${action.toLowerCase()}`,
      entityType: 'dossier',
      entityId: d.id,
      details: { code: d.code, from: status, to, ...(by.kind === 'APPLICANT' ? by.proof : {}) },
    });
    return (await findDossier(tx, eq(dossiers.id, d.id)))!;
  });
}
