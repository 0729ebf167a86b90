import { sql } from 'drizzle-orm';
import type { EntryStatus, InventoryKind } from '../src/shared/scorecards.js';
import { queryRows, type Db } from '../src/server/db/client.js';
import type { UnitRow } from '../src/server/modules/units/units.repo.js';

/** A one-page PDF as far as a sniffer is concerned: evidence in tests. */
export const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/** Scorecard test data (issue 17), spread into `factories`: entered values and inventory items, straight in the tables. */
export function scorecardFactories(db: Db) {
  const f = {
    /** A shipped catalog indicator's id by its code. */
    async indicatorId(code: string) {
      const [row] = await queryRows<{ id: number }>(
        db,
        sql`select id from scorecard_indicators where code = ${code} and owner_unit_id is null`,
      );
      if (!row) throw new Error(`no indicator ${code}`);
      return row.id;
    },
    /**
     * An entered value as the next version of (indicator, unit, period), in any status (submitted by nobody, so every
     * approver may decide it); a note, so it can be submitted.
     */
    async scorecardEntry(
      unit: Pick<UnitRow, 'id'>,
      opts: {
        code?: string;
        period?: string;
        status?: EntryStatus;
        numerator?: number;
        denominator?: number | null;
      } = {},
    ) {
      const indicatorId = await f.indicatorId(opts.code ?? 'BROADBAND_HOUSEHOLDS');
      const period = opts.period ?? '2026-Q3';
      const status = opts.status ?? 'DRAFT';
      const [row] = await queryRows<{ id: number }>(
        db,
        sql`insert into scorecard_entries (indicator_id, unit_id, period, version, numerator, denominator, note, status,
              submitted_at)
            select ${indicatorId}, ${unit.id}, ${period}, coalesce(max(version), 0) + 1, ${opts.numerator ?? 40},
              ${opts.denominator === undefined ? 50 : opts.denominator}, 'Theo số liệu nhà mạng', ${status},
              ${status === 'DRAFT' ? null : new Date().toISOString()}
            from scorecard_entries where indicator_id = ${indicatorId} and unit_id = ${unit.id} and period = ${period}
            returning id`,
      );
      return { id: row!.id, indicatorId };
    },
    /** A PDF attached to an entry (a fresh draft of the unit's broadband value unless an entry is given). */
    async scorecardEvidence(unit: Pick<UnitRow, 'id'>, entryId?: number) {
      const entry = entryId ?? (await f.scorecardEntry(unit)).id;
      const [row] = await queryRows<{ id: number }>(
        db,
        sql`insert into scorecard_evidence (entry_id, file_name, mime_type, size, sha256, content)
            values (${entry}, 'bao-cao.pdf', 'application/pdf', ${tinyPdf.length}, 'x', ${tinyPdf})
            returning id`,
      );
      return { id: row!.id, entryId: entry };
    },
    async inventoryItem(
      unit: Pick<UnitRow, 'id'>,
      opts: { kind?: InventoryKind; count?: number; year?: number | null; state?: string } = {},
    ) {
      const [row] = await queryRows<{ id: number }>(
        db,
        sql`insert into inventory_items (unit_id, kind, label, count, year, state)
            values (${unit.id}, ${opts.kind ?? 'COMPUTER'}, 'Máy thử', ${opts.count ?? 1}, ${opts.year ?? null},
              ${opts.state ?? 'WORKING'})
            returning id`,
      );
      return row!.id;
    },
  };
  return f;
}
