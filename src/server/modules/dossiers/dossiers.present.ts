import { type CitizenLanguage, procedureNameIn } from '../../../shared/languages.js';
import { allowedActions, closedStatuses, type ActionActor, type DossierStatus } from '../../../shared/onestop.js';
import { roleGrants } from '../../../shared/permissions.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import type { AuthContext } from '../../lib/auth-context.js';
import { type ApplicantProof, phoneEnding } from './dossiers.applicant.js';
import type { PaperState } from './dossiers.papers.js';
import type { DossierWithNames, eventsOf, filesOf } from './dossiers.repo.js';
import type { DossierDetailCore, DossierSummary, PublicDossier } from './dossiers.schemas.js';

type Events = Awaited<ReturnType<typeof eventsOf>>;
type Files = Awaited<ReturnType<typeof filesOf>>;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The citizen's status page of a dossier: what the receipt's QR code and every email link to. */
export const statusUrl = (publicUrl: string, token: string) => `${publicUrl}/s/${token}`;

/** Which workflow roles a staff member plays on a unit: officer (dossier.process) and/or leader (dossier.approve). */
export function actorsOn(auth: AuthContext, unitPath: string): ActionActor[] {
  const held = auth.roles.filter((r) => unitPath.startsWith(r.unitPath));
  const actors: ActionActor[] = [];
  if (held.some((r) => roleGrants(r.role, 'dossier.process'))) actors.push('officer');
  if (held.some((r) => roleGrants(r.role, 'dossier.approve'))) actors.push('leader');
  return actors;
}

/**
 * Past the date promised now: after an apology (Form 04) that is its new date, not the first one. Whether it was
 * resolved on time is another matter, frozen at resolution against the legal date (`onTime`).
 */
export function isOverdue(d: DossierWithNames['dossier'], now = new Date()): boolean {
  const due = d.extendedDueAt ?? d.dueAt;
  if (!due || d.resolvedAt || closedStatuses.includes(d.status as DossierStatus) || d.status === 'SUPPLEMENT_REQUESTED')
    return false;
  return now.getTime() > due.getTime();
}

function core(row: DossierWithNames, locale: 'vi' | 'en') {
  const d = row.dossier;
  return {
    code: d.code,
    status: d.status as DossierStatus,
    awaitingApproval: d.awaitingApproval,
    channel: d.channel as DossierSummary['channel'],
    procedureCode: row.procedureCode,
    procedureName: locale === 'en' ? row.procedureNameEn : row.procedureName,
    unitName: row.unitName,
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    extendedDueAt: iso(d.extendedDueAt),
    resolvedAt: iso(d.resolvedAt),
    returnedAt: iso(d.returnedAt),
    onTime: d.onTime,
    overdue: isOverdue(d),
    feeAmount: d.feeAmount,
    paid: d.paidAt !== null,
    returnMethod: d.returnMethod as DossierSummary['returnMethod'],
    rating: d.rating as DossierSummary['rating'],
  };
}

export function presentSummary(row: DossierWithNames, locale: 'vi' | 'en'): DossierSummary {
  return {
    id: row.dossier.id,
    unitId: row.dossier.unitId,
    ...core(row, locale),
    applicantName: row.dossier.applicantName,
    assigneeId: row.dossier.assigneeId,
    assigneeName: row.assigneeName,
    bundleId: row.dossier.bundleId,
  };
}

const presentEvent = (e: Events[number]) => ({
  id: e.id,
  action: e.action,
  fromStatus: e.fromStatus as DossierStatus | null,
  toStatus: e.toStatus as DossierStatus,
  actorKind: e.actorKind as 'STAFF' | 'APPLICANT' | 'SYSTEM',
  actorName: e.actorName,
  reason: e.reason,
  formType: e.formType,
  at: e.at.toISOString(),
});

export function presentDetail(
  row: DossierWithNames,
  events: Events,
  files: Files,
  cipher: PiiCipher,
  actors: ActionActor[],
  locale: 'vi' | 'en',
): DossierDetailCore {
  const d = row.dossier;
  const order = (key: string) => {
    const i = row.formFields.findIndex((f) => f.key === key);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const label = (key: string) =>
    row.formFields.find((f) => f.key === key)?.[locale === 'en' ? 'labelEn' : 'labelVi'] ?? key;
  return {
    ...presentSummary(row, locale),
    applicantPersonalId: d.applicantPidEnc ? cipher.decrypt(d.applicantPidEnc) : null,
    applicantPhone: d.applicantPhoneEnc ? cipher.decrypt(d.applicantPhoneEnc) : null,
    applicantEmail: d.applicantEmail,
    applicantAddress: d.applicantAddress,
    postalAddress: d.postalAddress,
    // In the procedure's order (the database keeps JSON keys in its own order).
    fields: Object.entries(d.formData)
      .sort(([a], [b]) => order(a) - order(b))
      .map(([key, value]) => ({ key, label: label(key), value })),
    events: events.map(presentEvent),
    files: files.map((f) => ({
      ...f,
      kind: f.kind as 'UPLOAD' | 'SCAN' | 'RESULT',
      createdAt: f.createdAt.toISOString(),
    })),
    allowedActions: allowedActions(
      {
        status: d.status as DossierStatus,
        awaitingApproval: d.awaitingApproval,
        requiresApproval: row.requiresApproval,
      },
      actors,
    ),
    token: d.lookupToken,
    version: d.version,
  };
}

/** "Nguyễn Văn An" → "N.V.A.": the only trace of the applicant on a public page. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toLocaleUpperCase('vi')}.`)
    .join('');
}

/**
 * The status page: status, dates and timeline for anyone holding the link, with the applicant's initials only and no
 * staff names. The staff's reasons (what is missing, why refused or stopped) go only to the proven applicant
 * (`applicant`); `proof` says how the applicant can prove it (a code to the phone ending in these digits, or the
 * account that filed it).
 */
export function presentPublic(
  row: DossierWithNames,
  events: Events,
  options: {
    /** The reader's language: the procedure's name in it when the commune entered one, else in Vietnamese. */
    language: CitizenLanguage;
    cipher: PiiCipher;
    linked?: PublicDossier['linked'];
    applicant?: ApplicantProof | null;
    /** The papers against what the dossier holds, read only for the proven applicant. */
    papers?: PaperState[];
  },
): PublicDossier {
  const d = row.dossier;
  const applicant = options.applicant ?? null;
  const state = {
    status: d.status as DossierStatus,
    awaitingApproval: d.awaitingApproval,
    requiresApproval: row.requiresApproval,
  };
  const name = procedureNameIn(
    { nameVi: row.procedureName, nameEn: row.procedureNameEn, translations: row.procedureTranslations },
    options.language,
  );
  return {
    ...core(row, 'vi'),
    procedureName: name.name,
    procedureNameFallback: !name.translated,
    applicantInitials: initials(d.applicantName),
    // Staff names stay inside: the public timeline says what happened and when, not who.
    timeline: events.map((e) => {
      const { actorName: _staffName, ...shown } = presentEvent(e);
      return { ...shown, reason: applicant ? shown.reason : null };
    }),
    applicantActions: allowedActions(state, ['applicant']),
    canRate: (d.status === 'RETURNED' || d.status === 'RESOLVED') && d.rating === null,
    linked: options.linked ?? [],
    proof: {
      phoneEnding: d.applicantPhoneEnc ? phoneEnding(options.cipher.decrypt(d.applicantPhoneEnc)) : null,
      account: d.citizenId !== null,
    },
    applicant: applicant && { via: applicant.via, until: iso(applicant.until) },
    papers:
      applicant && options.papers
        ? options.papers.map((p) => ({
            paper: p.paper,
            nameVi: p.nameVi,
            nameEn: p.nameEn,
            copyType: p.copyType,
            count: p.count,
            required: p.required,
            held: p.files.length > 0 || p.onPaper,
          }))
        : null,
  };
}
