import { sql } from 'drizzle-orm';
import { toPartialDate } from '../../../shared/partial-date.js';
import { queryRows, type Tx } from '../../db/client.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import { formatVnDate, formatVnPartialDate, type SheetRow } from '../../lib/spreadsheet.js';
import { listHouseholdsAfter, type HouseholdFilter } from '../households/households.repo.js';
import { labels } from '../imports/registry-columns.js';
import { exportResidentsAfter, type ResidentFilter } from '../residents/residents.repo.js';

/**
 * Rows a keyset page reads. 1,000 rather than 2,000: with two pages ahead, the rows alive at once stayed small enough
 * to die young, and a 1M export's heap stopped growing (+5–9 MB RSS against +58–60 MB at 2,000), no slower.
 */
const PAGE = 1000;
/**
 * Pages read and decrypted ahead of the writer. Two keep the database, the workers and the writer busy; more held
 * rows long enough for V8 to promote them, and the heap grew (1M rows: +54 MB with four, +32 MB with two).
 */
const AHEAD = 2;

/**
 * Each unit's code as the import reads it back: from the commune down ("T01/NGO3", the group's code beside the
 * alley's, never a bare "NGO3" that two groups may share), with the commune's code in front when the list spans more
 * than a commune ("11824/T01/NGO3" in a province's). A group's list is written from its commune too, so it imports
 * back into the group and into the commune alike.
 */
export async function relativeUnitCodes(tx: Tx, scope: Scope, rootPath: string | undefined) {
  // Without a chosen unit, the list is of the caller's one unit (or, over several, of the whole country).
  const chosen = rootPath ?? (scope.prefixes.length === 1 ? scope.prefixes[0] : undefined);
  const [commune] = chosen
    ? await queryRows<{ path: string }>(
        tx,
        sql`select path from units where tier = 'COMMUNE' and ${chosen} like path || '%'`,
      )
    : [];
  const root = commune?.path ?? chosen;
  const units = await queryRows<{ id: number; code: string; parent_id: number | null; path: string; tier: string }>(
    tx,
    sql`select id, code, parent_id, path, tier from units u where ${
      root ? sql`u.path like ${`${root}%`}` : pathInScope(sql`u.path`, scope)
    }`,
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  const codes = new Map<number, string>();
  const codeOf = (id: number): string => {
    const known = codes.get(id);
    if (known !== undefined) return known;
    const u = byId.get(id);
    let code = '';
    if (u && u.path !== root && u.tier !== 'NATION') {
      const above = u.parent_id !== null && byId.has(u.parent_id) ? codeOf(u.parent_id) : '';
      code = above ? `${above}/${u.code}` : u.code;
    }
    codes.set(id, code);
    return code;
  };
  return codeOf;
}

type ExportPage = Awaited<ReturnType<typeof exportResidentsAfter>>;

/** One person of a page as a registry row, with their ID number and phone already decrypted. */
function residentRow(
  r: ExportPage[number],
  unitCode: (id: number) => string,
  personalId: string | null,
  phone: string | null,
): SheetRow {
  return {
    householdCode: r.householdCode ?? '',
    address: r.address ?? '',
    householdKind: r.householdKind ? labels.householdKind[r.householdKind as keyof typeof labels.householdKind] : '',
    unitCode: unitCode(r.unitId),
    fullName: r.fullName,
    birthDate: formatVnPartialDate(toPartialDate(r.birthDate, r.birthPrecision)),
    gender: labels.gender[r.gender as keyof typeof labels.gender],
    personalId: personalId ?? '',
    phone: phone ? `0${phone.slice(3)}` : '',
    relation: r.relation ? labels.relation[r.relation as keyof typeof labels.relation] : '',
    residenceType: r.residenceType ? labels.residenceType[r.residenceType as keyof typeof labels.residenceType] : '',
    joinedOn: formatVnDate(r.joinedOn),
    vneidLevel: labels.vneidLevel[r.vneidLevel as keyof typeof labels.vneidLevel],
    hasSmartphone: r.hasSmartphone === null ? '' : r.hasSmartphone ? 'Có' : 'Không',
    tags: r.tags,
  };
}

/**
 * Residents as registry rows, a keyset page of 1,000 at a time, so an export of a province keeps memory flat.
 * Pages are read ahead (at most AHEAD in flight) and each is decrypted on the cipher's worker threads as soon as it
 * arrives, so the database, the decryption and the file writer work at the same time; on two cores a window of one
 * page left the workers waiting for the writer and the writer waiting for the workers.
 */
export async function* residentRows(
  tx: Tx,
  cipher: PiiCipher,
  scope: Scope,
  filter: ResidentFilter,
): AsyncGenerator<SheetRow[]> {
  const unitCode = await relativeUnitCodes(tx, scope, filter.unitPath);
  const decrypted = async (people: ExportPage) => {
    const plain = await cipher.decryptMany(people.flatMap((p) => [p.personalIdEnc, p.phoneEnc]));
    return people.map((p, i) => residentRow(p, unitCode, plain[2 * i]!, plain[2 * i + 1]!));
  };
  // Pages in order; each entry resolves to its rows. Reading goes on until the window is full or the list ends.
  const window: Promise<SheetRow[]>[] = [];
  let after: number | undefined = 0;
  let reading: Promise<void> | undefined;
  const readMore = async () => {
    while (after !== undefined && window.length < AHEAD) {
      const page = await exportResidentsAfter(tx, scope, filter, after, PAGE);
      after = page.length === PAGE ? page[page.length - 1]!.id : undefined;
      const rows = decrypted(page);
      // A page read ahead for an export that was abandoned (the download cut) must not become an unhandled rejection.
      rows.catch(() => {});
      window.push(rows);
    }
  };
  const fill = () => {
    reading ??= readMore().finally(() => {
      reading = undefined;
    });
    return reading;
  };
  try {
    for (;;) {
      if (window.length === 0) await fill();
      const next = window.shift();
      if (!next) return;
      void fill().catch(() => {});
      yield await next;
    }
  } finally {
    await reading?.catch(() => {});
  }
}

/** Households as rows of the household sheet, a keyset page of 1,000 at a time, filtered like the list. */
export async function* householdRows(tx: Tx, scope: Scope, filter: HouseholdFilter): AsyncGenerator<SheetRow> {
  const unitCode = await relativeUnitCodes(tx, scope, filter.unitPath);
  let after = 0;
  for (;;) {
    const page = await listHouseholdsAfter(tx, scope, filter, after, PAGE);
    for (const row of page) {
      const h = row.household;
      yield {
        code: h.code ?? '',
        address: h.address,
        kind: labels.householdKind[h.kind as keyof typeof labels.householdKind],
        unitCode: unitCode(h.unitId),
        unitName: row.unitName,
        headName: row.headName ?? '',
        memberCount: row.memberCount,
      };
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.household.id;
  }
}
