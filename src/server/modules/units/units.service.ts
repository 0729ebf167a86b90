import { childTiers, tierOfKind, unitCodePattern, type UnitKind, type UnitTier } from '../../../shared/enums.js';
import { and, eq } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { units } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import {
  conflict,
  forbidden,
  isUniqueViolation,
  unlessTaken,
  notFound,
  unitClosed,
  validation,
} from '../../lib/errors.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import * as repo from './units.repo.js';
import type { CreateUnitInput, Unit, UpdateUnitInput } from './units.schemas.js';

const unitNotFound = () => notFound({ vi: 'Không tìm thấy đơn vị', en: 'Unit not found' });

export function presentUnit(row: { unit: repo.UnitRow; childCount: number }): Unit {
  const u = row.unit;
  return {
    id: u.id,
    parentId: u.parentId,
    code: u.code,
    name: u.name,
    kind: u.kind as UnitKind,
    tier: u.tier as UnitTier,
    depth: u.depth,
    legalBasis: u.legalBasis,
    validFrom: u.validFrom,
    closedAt: u.closedAt?.toISOString() ?? null,
    closedReason: u.closedReason,
    childCount: row.childCount,
  };
}

/** You manage what lies below the units you hold: a commune leader edits groups, not the commune itself. */
function strictlyInside(path: string, scope: Scope) {
  return scope.prefixes.some((p) => path.startsWith(p) && path !== p);
}

export async function getUnit(tx: Tx, id: number, scope: Scope) {
  const row = await repo.findUnit(tx, id, scope);
  if (!row) throw unitNotFound();
  return {
    ...presentUnit(row),
    ancestors: (await repo.listAncestors(tx, row.unit.path)).map((a) => ({ ...a, kind: a.kind as UnitKind })),
  };
}

/** An open unit in scope that can take new records (households, residents). */
export async function getOpenUnit(tx: Tx, id: number, scope: Scope) {
  const row = await repo.findUnit(tx, id, scope);
  if (!row) throw unitNotFound();
  if (row.unit.closedAt) throw unitClosed();
  return row.unit;
}

export async function listUnits(tx: Tx, scope: Scope, query: { parent?: number; includeClosed: boolean }) {
  if (query.parent === undefined) return (await repo.listScopeRoots(tx, scope)).map(presentUnit);
  const parent = await repo.findUnit(tx, query.parent, scope);
  if (!parent) throw unitNotFound();
  return (await repo.listChildUnits(tx, query.parent, scope, query.includeClosed)).map(presentUnit);
}

function checkPlacement(parent: repo.UnitRow, kind: UnitKind, code: string | undefined) {
  const tier = tierOfKind[kind];
  if (!childTiers[parent.tier as UnitTier].includes(tier)) {
    throw validation([
      {
        field: 'kind',
        code: 'TIER',
        message: {
          vi: 'Loại đơn vị không thể đặt dưới đơn vị cha này',
          en: 'This kind of unit cannot sit under that parent',
        },
      },
    ]);
  }
  if (code !== undefined && !unitCodePattern[tier].test(code)) {
    throw validation([
      {
        field: 'code',
        code: 'FORMAT',
        message: {
          vi: 'Mã đơn vị sai định dạng (tỉnh 2 số, xã 5 số)',
          en: 'Wrong code format (province 2 digits, commune 5 digits)',
        },
      },
    ]);
  }
  return tier;
}

const codeTaken = () =>
  conflict({
    vi: 'Mã đơn vị đã được dùng (mã không bao giờ được dùng lại)',
    en: 'This code is taken (codes are never reused)',
  });

export async function createUnit(database: Database, scope: Scope, input: CreateUnitInput, actor: Actor) {
  return database.db.transaction(async (tx) => {
    const parent = await getOpenUnit(tx, input.parentId, scope);
    const tier = checkPlacement(parent, input.kind, input.code);
    try {
      const unit = await repo.insertUnit(tx, {
        parent,
        code: input.code,
        name: input.name,
        kind: input.kind,
        tier,
        legalBasis: input.legalBasis,
        validFrom: input.validFrom,
      });
      await insertAudit(tx, actor, {
        action: 'unit.create',
        entityType: 'unit',
        entityId: unit.id,
        details: { code: unit.code, name: unit.name, parentId: parent.id },
      });
      return presentUnit({ unit, childCount: 0 });
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken();
      throw error;
    }
  });
}

/** Rename or move a unit (moving keeps its code and history; its subtree moves with it). */
export async function updateUnit(database: Database, scope: Scope, id: number, input: UpdateUnitInput, actor: Actor) {
  return database.db.transaction(async (tx) => {
    const found = await repo.findUnit(tx, id, scope);
    if (!found) throw unitNotFound();
    const unit = found.unit;
    if (!strictlyInside(unit.path, scope)) throw forbidden();
    if (input.name !== undefined || input.legalBasis !== undefined) {
      await repo.updateUnitFields(tx, id, { name: input.name, legalBasis: input.legalBasis });
    }
    if (input.parentId !== undefined && input.parentId !== unit.parentId) {
      const parent = await getOpenUnit(tx, input.parentId, scope);
      if (parent.path.startsWith(unit.path)) {
        throw validation([
          {
            field: 'parentId',
            code: 'CYCLE',
            message: {
              vi: 'Không thể chuyển đơn vị vào chính đơn vị con của nó',
              en: 'A unit cannot move under its own subtree',
            },
          },
        ]);
      }
      checkPlacement(parent, unit.kind as UnitKind, undefined);
      await unlessTaken(repo.moveSubtree(tx, unit, parent), codeTaken);
    }
    await insertAudit(tx, actor, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      details: { before: { name: unit.name, parentId: unit.parentId }, after: input },
    });
    return getUnit(tx, id, scope);
  });
}

export async function closeUnit(database: Database, scope: Scope, id: number, reason: string, actor: Actor) {
  return database.db.transaction(async (tx) => {
    const found = await repo.findUnit(tx, id, scope);
    if (!found) throw unitNotFound();
    if (!strictlyInside(found.unit.path, scope)) throw forbidden();
    if (found.unit.closedAt) throw conflict({ vi: 'Đơn vị đã giải thể từ trước', en: 'The unit is already closed' });
    const count = await repo.closeSubtree(tx, found.unit, reason);
    await insertAudit(tx, actor, {
      action: 'unit.close',
      entityType: 'unit',
      entityId: id,
      details: { reason, unitsClosed: count },
    });
    return getUnit(tx, id, scope);
  });
}

/** A commune by its national code, as citizens' pages name it (public: no scope); 404 when there is none. */
export async function findCommuneByCode(tx: Tx, code: string): Promise<repo.UnitRow> {
  const [unit] = await tx
    .select()
    .from(units)
    .where(and(eq(units.code, code), eq(units.tier, 'COMMUNE')));
  if (!unit) throw notFound({ vi: `Không có xã, phường mã ${code}`, en: `No commune or ward has code ${code}` });
  return unit;
}

/** The path of a unit in scope, for "this unit and below" list filters. */
export async function getUnitPath(tx: Tx, id: number, scope: Scope): Promise<string> {
  const row = await repo.findUnit(tx, id, scope);
  if (!row) throw unitNotFound();
  return row.unit.path;
}
