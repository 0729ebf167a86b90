import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import type { PiiCipher } from '../../lib/pii-cipher.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { maskTail } from '../residents/residents.rules.js';
import { assignedTo } from './assignment.js';
import type { CampaignKind } from './campaigns.schemas.js';
import { getCampaign, holdersOf } from './campaigns.service.js';
import { FIELD_UPDATES } from './field.js';
import type { CampaignFieldPack, FieldHousehold } from './field.schemas.js';

/** One target row of the pack's query: a household's columns repeated for each person in it. */
type PackRow = {
  householdId: number;
  address: string;
  unitName: string;
  version: number;
  residentId: number | null;
  fullName: string | null;
  birthYear: number | null;
  vneidLevel: string | null;
  phoneEnc: string | null;
  personVersion: number | null;
  checks: string[];
  done: boolean;
  lastOutcome: string | null;
  bestTime: string | null;
};

/**
 * What a member takes into the field: their households, each with its registry version and the people still to see
 * (name, birth year, VNeID level, the phone's last digits only — a lost phone should not carry the list's numbers).
 * Reading it is audited: it names people.
 */
export async function downloadForField(
  db: Tx,
  scope: Scope,
  id: number,
  userId: number,
  actor: Actor,
  cipher: PiiCipher,
): Promise<CampaignFieldPack> {
  const c = await getCampaign(db, scope, id, { covering: true });
  const holders = await holdersOf(db, c.id);
  const rows = await queryRows<PackRow>(
    db,
    sql`
    select t.household_id as "householdId", h.address, u.name as "unitName", h.version,
      t.resident_id as "residentId", r.full_name as "fullName", extract(year from r.birth_date)::int as "birthYear",
      r.vneid_level as "vneidLevel", r.phone_enc as "phoneEnc", r.version as "personVersion",
      t.checks, t.done_at is not null as done, t.last_outcome as "lastOutcome", t.best_time as "bestTime"
    from campaign_targets t ${assignedTo(userId)}
    join households h on h.id = t.household_id
    join units u on u.id = h.unit_id
    left join residents r on r.id = t.resident_id
    where ${inArray(sql`t.campaign_id`, holders)} and t.removed_on is null and ${pathInScope(sql`u.path`, scope)}
    order by u.path, h.address collate vi_num, h.id, r.birth_date`,
  );
  const households = new Map<number, FieldHousehold>();
  for (const r of rows) {
    const h = households.get(r.householdId) ?? {
      householdId: r.householdId,
      address: r.address,
      unitName: r.unitName,
      version: r.version,
      lastOutcome: r.lastOutcome,
      bestTime: r.bestTime,
      people: [],
    };
    h.people.push({
      residentId: r.residentId,
      fullName: r.fullName,
      birthYear: r.birthYear,
      vneidLevel: r.vneidLevel,
      phoneTail: r.phoneEnc ? maskTail(cipher.decrypt(r.phoneEnc), 3) : null,
      version: r.personVersion,
      checks: r.checks,
      done: r.done,
      lastOutcome: r.lastOutcome,
    });
    households.set(r.householdId, h);
  }
  await insertAudit(db, actor, {
    action: 'campaign.download',
    entityType: 'campaign',
    entityId: c.id,
    details: { households: households.size },
  });
  return {
    campaign: {
      id: c.id,
      name: c.name,
      kind: c.kind,
      level: c.level,
      deadline: c.deadline,
      checklist: c.checklist,
      fieldUpdates: FIELD_UPDATES[c.kind as CampaignKind],
    },
    households: [...households.values()],
    downloadedAt: new Date().toISOString(),
  };
}
