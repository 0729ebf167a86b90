import { and, eq } from 'drizzle-orm';
import { Permission } from '../../shared/permissions.js';
import type { Database } from '../db/client.js';
import { dossiers, onestopSettings, procedures } from '../db/schema/index.js';
import { markPaper } from '../modules/dossiers/dossiers.papers.js';
import { storeFile } from '../modules/dossiers/dossiers.uploads.js';
import { recordPayment } from '../modules/payments/payments.service.js';
import type { UnitRow } from '../modules/units/units.repo.js';
import type { PiiCipher } from '../lib/pii-cipher.js';
import { takeAction } from '../modules/dossiers/dossiers.actions.js';
import { submitDossier } from '../modules/dossiers/dossiers.submit.js';
import { localParts } from '../modules/calendar/working-days.js';

const actor = { userId: null, username: 'demo', roles: null, unitId: null, ip: '127.0.0.1', userAgent: 'demo' };

/** Japanese and Chinese names as a commune with foreign residents might enter them. */
const demoTranslations = [
  ['1.004194', { ja: { name: '一時居住の登録' }, zh: { name: '暂住登记' } }],
  ['1.004222', { ja: { name: '常住登録' }, zh: { name: '常住登记' } }],
  ['1.004873', { ja: { name: '婚姻状況証明書の発行' }, zh: { name: '婚姻状况证明的签发' } }],
] as const;

/**
 * A morning at the demo commune's counter, so the one-stop screens are not empty on first start: a few dossiers
 * online and at the counter, some taken through the workflow, one returned and rated, one paid by a transfer recorded
 * by hand. The bank account is a demo one.
 */
export async function seedOnestopDemo(
  database: Database,
  cipher: PiiCipher,
  commune: UnitRow,
  officer: { id: number; fullName: string },
  leader: { id: number; fullName: string },
) {
  await database.db
    .insert(onestopSettings)
    .values({
      unitId: commune.id,
      bankBin: '970415',
      bankAccount: '113000000001',
      bankAccountName: `UBND ${commune.name.toUpperCase()} (TAI KHOAN DEMO)`,
      bankName: 'VietinBank',
      saturdayMorning: true,
      officeAddress: `Trụ sở UBND ${commune.name}, số 12 đường Lê Lợi`,
      officePhone: '0225 3812 345',
    })
    .onConflictDoNothing();
  // A few names the commune translated for foreign workers; the rest show the Vietnamese name with a notice.
  for (const [code, translations] of demoTranslations)
    await database.db
      .update(procedures)
      .set({ translations })
      .where(and(eq(procedures.code, code), eq(procedures.status, 'PUBLISHED')));
  const people = [
    ['Nguyễn Thị Lan', '031186001234', '0912000111', '1.004873', { purpose: 'Đăng ký kết hôn' }],
    [
      'Trần Văn Hùng',
      '031085004321',
      '0983000222',
      '1.004194',
      { address: 'Nhà trọ Hạnh Phúc, thôn 2', until: '2027-06-30' },
    ],
    [
      'Phạm Thị Mai',
      '031190007777',
      '0905000333',
      '1.001193',
      { childName: 'Phạm Gia Bảo', childBirthDate: '2026-11-02', birthPlace: 'Trạm y tế xã' },
    ],
    ['Lê Văn Nam', '031078002468', '0977000444', '2.000635', { copies: '2' }],
    ['Vũ Thị Hoa', '031192003579', '0868000555', '1.004859', { change: 'Sửa năm sinh của mẹ trong giấy khai sinh' }],
    ['Đỗ Văn Tâm', '031065001357', '0936000666', '1.001612', { businessName: 'Tạp hóa Tâm Hương' }],
  ] as const;
  /** A one-page PDF standing for a citizen's scan of a paper. */
  const demoScan = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  // Each dossier comes with its procedure's required papers: scans online, handed over on paper at the counter.
  async function papersFor(procedureCode: string, atCounter: boolean) {
    const [p] = await database.db
      .select({ documents: procedures.documents })
      .from(procedures)
      .where(and(eq(procedures.code, procedureCode), eq(procedures.status, 'PUBLISHED')));
    const required = (p?.documents ?? []).flatMap((d, paper) => (d.required ? [paper] : []));
    if (atCounter) return { uploads: [], papersOnPaper: required.map((paper) => ({ paper })) };
    const uploads = [];
    for (const paper of required) {
      const f = await database.db.transaction((tx) =>
        storeFile(tx, { buffer: demoScan, fileName: `giay-to-${paper + 1}.pdf`, mime: 'application/pdf' }, null),
      );
      uploads.push({ id: f.id, key: f.key, paper });
    }
    return { uploads, papersOnPaper: [] };
  }
  const made: { id: number }[] = [];
  for (const [i, [fullName, personalId, phone, procedureCode, fields]] of people.entries()) {
    const atCounter = i % 2 === 1;
    const result = await submitDossier(
      database,
      cipher,
      commune,
      {
        procedureCode,
        applicant: { fullName, personalId, phone: `+84${phone.slice(1)}` },
        fields: { ...fields },
        returnMethod: 'COUNTER',
        ...(await papersFor(procedureCode, atCounter)),
        bundleWith: [],
      },
      atCounter ? 'IN_PERSON' : 'ONLINE',
      atCounter
        ? { kind: 'STAFF', actor, userId: officer.id, name: officer.fullName, receives: true }
        : { kind: 'APPLICANT', actor },
    );
    made.push({ id: result.id });
  }
  const staff = (actors: ('officer' | 'leader')[], who: { id: number; fullName: string }) => ({
    kind: 'STAFF' as const,
    actor,
    userId: who.id,
    name: who.fullName,
    actorsFor: () => actors,
  });
  const step = (index: number, action: string, who: 'officer' | 'leader', extra: Record<string, unknown> = {}) =>
    takeAction(
      database,
      eq(dossiers.id, made[index]!.id),
      { action, ...extra },
      who === 'officer' ? staff(['officer'], officer) : staff(['officer', 'leader'], leader),
    );
  // The marital-status certificate goes all the way and is rated; the others stop at different steps.
  await step(0, 'RECEIVE', 'officer');
  await step(0, 'ASSIGN', 'officer', { assigneeId: officer.id });
  await step(0, 'SEND_FOR_APPROVAL', 'officer');
  // Approval needs the result and the fee: the certificate is issued on paper, the fee paid at the counter.
  const scope = { permission: Permission.DOSSIER_PROCESS, prefixes: [commune.path] };
  await markPaper(database, scope, made[0]!.id, { kind: 'RESULT' }, { userId: officer.id, actor });
  const [first] = await database.db
    .select({ fee: dossiers.feeAmount })
    .from(dossiers)
    .where(eq(dossiers.id, made[0]!.id));
  if (first!.fee > 0)
    await recordPayment(
      database,
      eq(dossiers.id, made[0]!.id),
      { method: 'CASH', amount: first!.fee, receivedBy: { userId: officer.id, name: officer.fullName } },
      actor,
    );
  await step(0, 'APPROVE', 'leader');
  await step(0, 'RETURN', 'officer');
  await database.db
    .update(dossiers)
    .set({ rating: 'SATISFIED', ratingComment: 'Cán bộ hướng dẫn tận tình', ratedAt: new Date() })
    .where(eq(dossiers.id, made[0]!.id));
  await step(1, 'ASSIGN', 'officer', { assigneeId: officer.id });
  await step(3, 'ASSIGN', 'officer', { assigneeId: officer.id });
  await step(3, 'SEND_FOR_APPROVAL', 'officer');
  // The copies' fee came by bank transfer, seen on the statement and recorded by the officer.
  const [copies] = await database.db
    .select({ code: dossiers.code, fee: dossiers.feeAmount, submittedAt: dossiers.submittedAt })
    .from(dossiers)
    .where(eq(dossiers.id, made[3]!.id));
  if (copies && copies.fee > 0)
    await recordPayment(
      database,
      eq(dossiers.id, made[3]!.id),
      {
        method: 'TRANSFER',
        amount: copies.fee,
        transfer: {
          reference: `FT${copies.code.replace(/\D/g, '').slice(-10)}`,
          transferredOn: localParts(copies.submittedAt).day,
        },
        receivedBy: { userId: officer.id, name: officer.fullName },
      },
      actor,
    );
  await step(4, 'RECEIVE', 'officer');
  await step(4, 'REQUEST_SUPPLEMENT', 'officer', { reason: 'Bổ sung bản sao giấy khai sinh của mẹ' });
  return made.length;
}
