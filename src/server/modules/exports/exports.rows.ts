import { foldText } from '../../../shared/text.js';
import type { Tx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { formatVnDate, type SheetRow } from '../../lib/spreadsheet.js';
import { listHouseholdsAfter } from '../households/households.repo.js';
import { labels } from '../imports/registry-columns.js';
import { listResidentsAfter, type ResidentFilter } from '../residents/residents.repo.js';

const PAGE = 2000;

/** Residents as registry rows, fetched in keyset pages of 2,000 so an export of a province keeps memory flat. */
export async function* residentRows(
  tx: Tx,
  cipher: PiiCipher,
  scope: Scope,
  filter: ResidentFilter,
): AsyncGenerator<SheetRow> {
  let after = 0;
  for (;;) {
    const page = await listResidentsAfter(tx, scope, filter, after, PAGE);
    for (const row of page) {
      const r = row.resident;
      const phone = r.phoneEnc ? cipher.decrypt(r.phoneEnc) : null;
      yield {
        householdCode: row.householdCode ?? '',
        address: row.address ?? '',
        householdKind: row.householdKind
          ? labels.householdKind[row.householdKind as keyof typeof labels.householdKind]
          : '',
        unitCode: row.unitCode,
        fullName: r.fullName,
        birthDate: formatVnDate(r.birthDate),
        gender: labels.gender[r.gender as keyof typeof labels.gender],
        personalId: r.personalIdEnc ? cipher.decrypt(r.personalIdEnc) : '',
        phone: phone ? `0${phone.slice(3)}` : '',
        relation: row.relation ? labels.relation[row.relation as keyof typeof labels.relation] : '',
        residenceType: row.residenceType
          ? labels.residenceType[row.residenceType as keyof typeof labels.residenceType]
          : '',
        joinedOn: formatVnDate(row.joinedOn),
        vneidLevel: labels.vneidLevel[r.vneidLevel as keyof typeof labels.vneidLevel],
        hasSmartphone: r.hasSmartphone === null ? '' : r.hasSmartphone ? 'Có' : 'Không',
        tags: r.tags.join(', '),
      };
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.resident.id;
  }
}

export async function* householdRows(
  tx: Tx,
  scope: Scope,
  f: { q?: string; unitPath?: string; kind?: string },
): AsyncGenerator<SheetRow> {
  let after = 0;
  const filter = {
    folded: f.q ? foldText(f.q) || undefined : undefined,
    unitPath: f.unitPath,
    kind: f.kind,
    includeDissolved: false,
  };
  for (;;) {
    const page = await listHouseholdsAfter(tx, scope, filter, after, PAGE);
    for (const row of page) {
      const h = row.household;
      yield {
        code: h.code ?? '',
        address: h.address,
        kind: labels.householdKind[h.kind as keyof typeof labels.householdKind],
        unitCode: row.unitCode,
        unitName: row.unitName,
        headName: row.headName ?? '',
        memberCount: row.memberCount,
      };
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.household.id;
  }
}
