import type { Database, Tx } from '../../db/client.js';

/**
 * Writes `scorecard_values` for every open (not frozen) value of a province in a month: each active computed
 * indicator computed "as of" the month's end (or `now`, for the month in progress), and each entered indicator from
 * its approved entries. Rows for every unit of tier COMMUNITY, COMMUNE and PROVINCE the indicator applies to.
 * OWNED BY the compute helper (issue 17 contract); this is the signature the others call.
 */
export async function refreshValues(
  _tx: Tx,
  _provinceId: number,
  _period: string,
  _options: { now?: Date } = {},
): Promise<{ values: number }> {
  throw new Error('refreshValues: not written yet');
}

/**
 * The month's snapshot: refreshes the month one last time, then freezes its values (`frozen_at`) and records the run
 * in `scorecard_snapshots`. Idempotent: a month already frozen returns its count unchanged.
 */
export async function freezeMonth(
  _database: Database,
  _provinceId: number,
  _period: string,
  _options: { now?: Date } = {},
): Promise<{ values: number; alreadyFrozen: boolean }> {
  throw new Error('freezeMonth: not written yet');
}
