import { sql, type SQL } from 'drizzle-orm';
import { dossiers } from '../../db/schema/index.js';
import type { CountKey } from '../../../shared/indicators.js';

export { type CountKey, countKeys, type RateKey, rateDefinitions, rateKeys } from '../../../shared/indicators.js';

/**
 * What each one-stop count means, as the dossiers it counts: the event that puts a dossier in it, and the day of that
 * event (Vietnam time) that places it in a period. The daily stats trigger (migration 0030) counts with the same
 * conditions, and the dossier list filtered by `?indicator=&from=&to=` selects with these, so every number on the
 * leader's screen is the length of the list under it.
 */

/**
 * The rating scale (Rating in shared/onestop.ts) has three levels: SATISFIED "Hài lòng", ACCEPTABLE "Chấp nhận được",
 * UNSATISFIED "Chưa hài lòng". Satisfied is the top level only: "acceptable" is not satisfied (docs/decisions.md).
 */
export const satisfiedRatings = ['SATISFIED'] as const;

const d = dossiers;
const received = sql`${d.receivedAt} is not null`;
const resolved = sql`${d.resolvedAt} is not null`;
const rated = sql`${d.rating} is not null and ${d.ratedAt} is not null`;
const paid = sql`${d.paidAt} is not null`;

/** Per count: the instant that dates it and the condition a dossier meets to be in it. */
export const indicatorDefinitions: Record<CountKey, { at: SQL; where: SQL }> = {
  // Received means an officer received it: not waiting at reception (NEW), not refused (REFUSED never is received).
  received: { at: sql`${d.receivedAt}`, where: received },
  online: { at: sql`${d.receivedAt}`, where: sql`${received} and ${d.channel} = 'ONLINE'` },
  inPerson: { at: sql`${d.receivedAt}`, where: sql`${received} and ${d.channel} = 'IN_PERSON'` },
  postal: { at: sql`${d.receivedAt}`, where: sql`${received} and ${d.channel} = 'POSTAL'` },
  fullOnlineBase: { at: sql`${d.receivedAt}`, where: sql`${received} and ${d.fullOnlineEligible}` },
  fullOnline: {
    at: sql`${d.receivedAt}`,
    where: sql`${received} and ${d.fullOnlineEligible} and ${d.channel} = 'ONLINE'`,
  },
  digitized: { at: sql`${d.receivedAt}`, where: sql`${received} and ${d.digitized}` },
  resolved: { at: sql`${d.resolvedAt}`, where: resolved },
  // Frozen at resolution against the legal due date (a trigger refuses any later change of it).
  onTime: { at: sql`${d.resolvedAt}`, where: sql`${resolved} and coalesce(${d.onTime}, false)` },
  rated: { at: sql`${d.ratedAt}`, where: rated },
  satisfied: { at: sql`${d.ratedAt}`, where: sql`${rated} and ${d.rating} = 'SATISFIED'` },
  paid: { at: sql`${d.paidAt}`, where: paid },
  paidOnline: { at: sql`${d.paidAt}`, where: sql`${paid} and ${d.paidOnline}` },
};

/** The dossiers an indicator counts over a period (both ends included, Vietnam days). */
export function indicatorCondition(key: CountKey, period: { from: string; to: string }): SQL {
  const def = indicatorDefinitions[key];
  return sql`(${def.where} and local_day(${def.at}) between ${period.from}::date and ${period.to}::date)`;
}
