import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';

/**
 * Dossier codes: `{unit}-{yymmdd}-{seq4}` by default (Circular 01/2018 Art. 19 shape; configurable per commune).
 * The sequence is per unit and local day, taken inside the submitting transaction with an upsert on
 * dossier_counters: concurrent submissions queue on that row's lock, and a rolled-back submission gives its number
 * back, so the numbers are unique and gap-free.
 */
export async function nextSequence(tx: Tx, unitId: number, day: string): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`
    insert into dossier_counters (unit_id, day, last) values (${unitId}, ${day}, 1)
    on conflict (unit_id, day) do update set last = dossier_counters.last + 1
    returning last`,
  );
  return row!.last;
}

export const codeTokens = ['{unit}', '{yymmdd}', '{yyyymmdd}', '{seq4}', '{seq5}'] as const;

/** Fills a code pattern. A pattern must contain a sequence token and the unit or the date; settings check that. */
export function formatCode(pattern: string, unitCode: string, day: string, seq: number): string {
  const [y, m, d] = day.split('-') as [string, string, string];
  return pattern
    .replaceAll('{unit}', unitCode)
    .replaceAll('{yyyymmdd}', `${y}${m}${d}`)
    .replaceAll('{yymmdd}', `${y.slice(2)}${m}${d}`)
    .replaceAll('{seq4}', String(seq).padStart(4, '0'))
    .replaceAll('{seq5}', String(seq).padStart(5, '0'));
}

export function validCodePattern(pattern: string): boolean {
  const hasSeq = pattern.includes('{seq4}') || pattern.includes('{seq5}');
  const hasDay = pattern.includes('{yymmdd}') || pattern.includes('{yyyymmdd}');
  return hasSeq && hasDay && pattern.includes('{unit}') && /^[A-Za-z0-9{}._\-/]+$/.test(pattern);
}
