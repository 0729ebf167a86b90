import { eq, isNull, and } from 'drizzle-orm';
import { toPartialDate } from '../../../shared/partial-date.js';
import { foldText } from '../../../shared/text.js';
import type { Gender, HouseholdKind, Relation, ResidenceType, VneidLevel } from '../../../shared/enums.js';
import type { Database, Tx } from '../../db/client.js';
import { householdMembers, residents } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import { conflict, isUniqueViolation, unlessTaken, notFound, unitClosed, validation } from '../../lib/errors.js';
import { paged, toOffset } from '../../lib/http.js';
import type { Actor } from '../../lib/auth-context.js';
import { auditListRead, insertAudit, searchForAudit } from '../audit/audit.repo.js';
import { getOpenUnit, getUnitPath } from '../units/units.service.js';
import * as repo from './households.repo.js';
import { personFilterOf } from '../residents/residents.filters.js';
import type { RegistryFilter } from '../residents/residents.schemas.js';
import type {
  CreateHouseholdInput,
  HouseholdSummary,
  ListHouseholdsQuery,
  UpdateHouseholdInput,
} from './households.schemas.js';

export const householdNotFound = () => notFound({ vi: 'Không tìm thấy hộ gia đình', en: 'Household not found' });
const stale = () =>
  conflict({
    vi: 'Hộ này vừa được người khác cập nhật, vui lòng tải lại',
    en: 'Someone else updated this household; reload and try again',
  });
const codeTaken = () =>
  conflict({ vi: 'Số hộ đã có trong đơn vị này', en: 'This household number already exists in the unit' });

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findHousehold>>>): HouseholdSummary {
  const h = row.household;
  return {
    id: h.id,
    unitId: h.unitId,
    unitName: row.unitName,
    code: h.code,
    address: h.address,
    kind: h.kind as HouseholdKind,
    headResidentId: h.headResidentId,
    headName: row.headName,
    memberCount: row.memberCount,
    dissolvedOn: h.dissolvedOn,
  };
}

/** The household filter a list or export query asks for: the unit checked to be in scope (404 otherwise). */
export async function householdFilterOf(
  tx: Tx,
  scope: Scope,
  q: RegistryFilter & { includeDissolved?: 'true' | 'false' },
): Promise<repo.HouseholdFilter> {
  const person = personFilterOf(q);
  return {
    ...person,
    folded: q.q ? foldText(q.q) || undefined : undefined,
    unitPath: q.unit ? await getUnitPath(tx, q.unit, scope) : undefined,
    includeDissolved: q.includeDissolved === 'true',
  };
}

/** What an audit row says about a household filter: its fields, the search as searchForAudit records it. */
export function householdFilterForAudit(f: repo.HouseholdFilter, q: RegistryFilter) {
  const { folded: _folded, unitPath: _path, tags, includeDissolved, ...person } = f;
  return {
    ...person,
    tags: tags.length ? tags : undefined,
    includeDissolved: includeDissolved || undefined,
    unit: q.unit,
    search: searchForAudit(q.q),
  };
}

export async function listHouseholds(tx: Tx, scope: Scope, q: ListHouseholdsQuery, actor: Actor) {
  const filter = await householdFilterOf(tx, scope, q);
  const rows = await repo.searchHouseholds(tx, scope, filter, toOffset(q));
  await auditListRead(
    tx,
    actor,
    'household',
    { ...householdFilterForAudit(filter, q), page: q.page },
    Math.min(rows.length, q.limit),
  );
  return paged(
    rows.map((r) => present({ ...r, unitClosedAt: null })),
    q,
  );
}

/** A household in scope, or 404. */
export async function getHouseholdRow(tx: Tx, id: number, scope: Scope) {
  const row = await repo.findHousehold(tx, id, scope);
  if (!row) throw householdNotFound();
  return row;
}

/** Household detail with its members over time; the read is audited because it lists people. */
export async function getHousehold(tx: Tx, id: number, scope: Scope, actor: Actor) {
  const row = await getHouseholdRow(tx, id, scope);
  const members = await repo.listMembers(tx, id);
  const wentToHousehold = await repo.nextHouseholds(tx, id, scope);
  await insertAudit(tx, actor, { action: 'household.read', entityType: 'household', entityId: id });
  return {
    ...present(row),
    establishedOn: row.household.establishedOn,
    version: row.household.version,
    members: members.map((m) => ({
      membershipId: m.m.id,
      residentId: m.m.residentId,
      fullName: m.fullName,
      birthDate: toPartialDate(m.birthDate, m.birthPrecision),
      gender: m.gender as Gender,
      vneidLevel: m.vneidLevel as VneidLevel,
      relation: m.m.relation as Relation,
      residenceType: m.m.residenceType as ResidenceType,
      joinedOn: m.m.joinedOn,
      leftOn: m.m.leftOn,
      leftReason: m.m.leftReason,
      cameFrom: m.m.cameFrom,
      wentTo: m.m.wentTo,
      wentToHousehold: wentToHousehold.get(m.m.id) ?? null,
    })),
  };
}

export async function createHousehold(database: Database, scope: Scope, input: CreateHouseholdInput, actor: Actor) {
  return database.db.transaction(async (tx) => {
    const unit = await getOpenUnit(tx, input.unitId, scope);
    if (unit.tier !== 'COMMUNITY' && unit.tier !== 'ZONE') {
      throw validation([
        {
          field: 'unitId',
          code: 'TIER',
          message: {
            vi: 'Hộ phải thuộc một thôn/tổ dân phố hoặc ngõ/khu',
            en: 'A household belongs to a residential group or a zone under it',
          },
        },
      ]);
    }
    try {
      const h = await repo.insertHousehold(tx, {
        unitId: unit.id,
        code: input.code ?? null,
        address: input.address,
        kind: input.kind,
        establishedOn: input.establishedOn ?? null,
      });
      await insertAudit(tx, actor, {
        action: 'household.create',
        entityType: 'household',
        entityId: h.id,
        details: { unitId: unit.id, kind: h.kind },
      });
      return getHousehold(tx, h.id, scope, actor);
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken();
      throw error;
    }
  });
}

/** Edits a household: address, kind, number, head (a current member), moving it to another group, dissolving it. */
export async function updateHousehold(
  database: Database,
  scope: Scope,
  id: number,
  input: UpdateHouseholdInput,
  actor: Actor,
) {
  return database.db.transaction(async (tx) => {
    const current = await getHouseholdRow(tx, id, scope);
    if (current.unitClosedAt && input.unitId === undefined) throw unitClosed();
    const fields: Parameters<typeof repo.updateHouseholdRow>[3] = {};
    if (input.code !== undefined) fields.code = input.code;
    if (input.address !== undefined) {
      fields.address = input.address;
      fields.addressSearch = foldText(input.address);
    }
    if (input.kind !== undefined) fields.kind = input.kind;
    if (input.unitId !== undefined && input.unitId !== current.household.unitId) {
      const unit = await getOpenUnit(tx, input.unitId, scope);
      if (unit.tier !== 'COMMUNITY' && unit.tier !== 'ZONE') {
        throw validation([
          {
            field: 'unitId',
            code: 'TIER',
            message: {
              vi: 'Hộ phải thuộc một thôn/tổ dân phố hoặc ngõ/khu',
              en: 'A household belongs to a residential group or a zone under it',
            },
          },
        ]);
      }
      fields.unitId = unit.id;
    }
    if (input.dissolvedOn !== undefined) {
      if (input.dissolvedOn && current.memberCount > 0) {
        throw conflict({
          vi: 'Hộ còn người đang ở, hãy chuyển hoặc cắt khẩu trước khi xóa hộ',
          en: 'The household still has members; move them out first',
        });
      }
      const established = current.household.establishedOn;
      if (input.dissolvedOn && established && input.dissolvedOn < established) {
        throw validation([
          {
            field: 'dissolvedOn',
            code: 'BEFORE_ESTABLISHED',
            message: {
              vi: 'Ngày xóa hộ phải sau ngày lập hộ',
              en: 'A household cannot end before it was set up',
            },
          },
        ]);
      }
      fields.dissolvedOn = input.dissolvedOn;
    }
    const updated = await unlessTaken(repo.updateHouseholdRow(tx, id, input.version, fields), codeTaken);
    if (!updated) throw stale();
    if (fields.unitId) {
      // Members follow their household into the new unit (the residents' unit is denormalised for scoping).
      await tx.update(residents).set({ unitId: fields.unitId }).where(eq(residents.householdId, id));
    }
    const headId = input.headResidentId !== undefined ? input.headResidentId : updated.headResidentId;
    if (input.headResidentId !== undefined || input.address !== undefined) {
      let head = null;
      if (headId !== null) {
        const [member] = await tx
          .select({ id: residents.id, fullName: residents.fullName })
          .from(householdMembers)
          .innerJoin(residents, eq(residents.id, householdMembers.residentId))
          .where(
            and(
              eq(householdMembers.householdId, id),
              eq(householdMembers.residentId, headId),
              isNull(householdMembers.leftOn),
            ),
          );
        if (!member)
          throw validation([
            {
              field: 'headResidentId',
              code: 'NOT_MEMBER',
              message: { vi: 'Chủ hộ phải là người đang ở trong hộ', en: 'The head must be a current member' },
            },
          ]);
        head = member;
      }
      await repo.setHouseholdHead(tx, { id, address: updated.address }, head);
    }
    await insertAudit(tx, actor, {
      action: 'household.update',
      entityType: 'household',
      entityId: id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return getHousehold(tx, id, scope, actor);
  });
}
