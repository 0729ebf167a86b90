import { and, eq, sql } from 'drizzle-orm';
import { type InventoryKind, inventoryKinds, type InventoryState } from '../../../shared/scorecards.js';
import { queryRows, type Db, type Tx } from '../../db/client.js';
import { inventoryItems } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import type { Actor } from '../../lib/auth-context.js';
import { conflict, notFound, validation } from '../../lib/errors.js';
import { insertAudit } from '../audit/audit.repo.js';
import { findUnit } from '../units/units.repo.js';
import type { CreateItemInput, InventoryItem, UpdateItemInput } from './inventory.schemas.js';

/** The ICT inventory (issue 17): a unit's computers, lines, rooms, cameras, signatures and mailboxes. */

type By = { userId: number; actor: Actor };

/** Where an inventory is kept: the tiers the scorecards measure (an alley keeps none of its own). */
const TIERS = new Set(['COMMUNITY', 'COMMUNE', 'PROVINCE']);

type ItemRow = {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  unitTier: string;
  kind: InventoryKind;
  label: string;
  count: number;
  year: number | null;
  state: InventoryState;
  note: string;
  version: number;
  updatedAt: Date | string;
};

async function selectItems(tx: Tx, where: ReturnType<typeof sql>): Promise<ItemRow[]> {
  return queryRows<ItemRow>(
    tx,
    sql`select ii.id, ii.unit_id as "unitId", u.code as "unitCode", u.name as "unitName", u.tier as "unitTier",
          ii.kind, ii.label, ii.count, ii.year, ii.state, ii.note, ii.version, ii.updated_at as "updatedAt"
        from inventory_items ii join units u on u.id = ii.unit_id
        where ${where}
        order by ii.kind, u.path, ii.id
        limit 5000`,
  );
}

const present = (r: ItemRow): InventoryItem => ({
  id: r.id,
  unit: { id: r.unitId, code: r.unitCode, name: r.unitName, tier: r.unitTier },
  kind: r.kind,
  label: r.label,
  count: r.count,
  year: r.year,
  state: r.state,
  note: r.note,
  version: r.version,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

/** A unit in the caller's units (404 otherwise, never 403: no probing). */
export async function unitInScope(tx: Tx, id: number, scope: Scope) {
  const found = await findUnit(tx, id, scope);
  if (!found) throw notFound({ vi: 'Không tìm thấy đơn vị', en: 'Unit not found' });
  return found.unit;
}

/** The items of a unit and the units under it, with totals per kind. */
export async function listInventory(db: Db, scope: Scope, unitId: number) {
  const unit = await unitInScope(db, unitId, scope);
  const rows = await selectItems(db, sql`u.path like ${`${unit.path}%`} and ${pathInScope(sql`u.path`, scope)}`);
  const totals = Object.fromEntries(inventoryKinds.map((k) => [k, { count: 0, working: 0 }]));
  for (const r of rows) {
    if (r.state !== 'RETIRED') totals[r.kind]!.count += r.count;
    if (r.state === 'WORKING') totals[r.kind]!.working += r.count;
  }
  return { items: rows.map(present), totals };
}

async function itemInScope(tx: Tx, id: number, scope: Scope, forUpdate = false) {
  const [row] = await queryRows<{ id: number; unitId: number; version: number }>(
    tx,
    sql`select ii.id, ii.unit_id as "unitId", ii.version from inventory_items ii join units u on u.id = ii.unit_id
        where ii.id = ${id} and ${pathInScope(sql`u.path`, scope)} ${forUpdate ? sql`for update of ii` : sql``}`,
  );
  if (!row) throw notFound({ vi: 'Không tìm thấy thiết bị', en: 'Inventory item not found' });
  return row;
}

const readOne = async (tx: Tx, id: number) => present((await selectItems(tx, sql`ii.id = ${id}`))[0]!);

export async function createItem(db: Db, scope: Scope, input: CreateItemInput, by: By) {
  return db.transaction(async (tx) => {
    const unit = await unitInScope(tx, input.unitId, scope);
    if (!TIERS.has(unit.tier))
      throw validation([
        {
          field: 'unitId',
          code: 'LEVEL',
          message: {
            vi: 'Danh mục thiết bị ghi cho tỉnh, xã hoặc thôn, tổ dân phố',
            en: 'The inventory is kept by a province, commune or residential group',
          },
        },
      ]);
    const [made] = await tx
      .insert(inventoryItems)
      .values({
        unitId: unit.id,
        kind: input.kind,
        label: input.label ?? '',
        count: input.count,
        year: input.year ?? null,
        state: input.state ?? 'WORKING',
        note: input.note ?? '',
        createdBy: by.userId,
      })
      .returning({ id: inventoryItems.id });
    await insertAudit(tx, by.actor, {
      action: 'inventory.create',
      entityType: 'inventory_item',
      entityId: made!.id,
      details: { unitId: unit.id, kind: input.kind, count: input.count },
    });
    return readOne(tx, made!.id);
  });
}

const stale = () =>
  conflict({
    vi: 'Thiết bị vừa được người khác sửa; hãy tải lại',
    en: 'The item was changed by someone else; reload it',
  });

export async function updateItem(db: Db, scope: Scope, id: number, input: UpdateItemInput, by: By) {
  return db.transaction(async (tx) => {
    const row = await itemInScope(tx, id, scope, true);
    if (row.version !== input.version) throw stale();
    await tx
      .update(inventoryItems)
      .set({
        kind: input.kind,
        count: input.count,
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.year !== undefined ? { year: input.year } : {}),
        ...(input.state !== undefined ? { state: input.state } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(inventoryItems.id, id), eq(inventoryItems.version, input.version)));
    await insertAudit(tx, by.actor, {
      action: 'inventory.update',
      entityType: 'inventory_item',
      entityId: id,
      details: { kind: input.kind, count: input.count, state: input.state },
    });
    return readOne(tx, id);
  });
}

export async function deleteItem(db: Db, scope: Scope, id: number, by: By) {
  await db.transaction(async (tx) => {
    const row = await itemInScope(tx, id, scope, true);
    await tx.delete(inventoryItems).where(eq(inventoryItems.id, id));
    await insertAudit(tx, by.actor, {
      action: 'inventory.delete',
      entityType: 'inventory_item',
      entityId: id,
      details: { unitId: row.unitId },
    });
  });
}
