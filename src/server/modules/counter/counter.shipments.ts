import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { postalShipments } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import type { Actor } from '../../lib/auth-context.js';
import { AppError, conflict, isUniqueViolation, notFound } from '../../lib/errors.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getDossier, inScope } from '../dossiers/dossiers.repo.js';
import type { ShipmentInput, ShipmentStatus } from './counter.schemas.js';

// Papers in and results out by post (VNPost and others): shipments with tracking numbers, on a dossier in scope.

type ShipmentRow = typeof postalShipments.$inferSelect;

const presentShipment = (s: ShipmentRow) => ({
  ...s,
  direction: s.direction as 'IN' | 'OUT',
  status: s.status as ShipmentStatus,
  createdAt: s.createdAt.toISOString(),
});

/** A dossier's postal shipments, oldest first. */
export async function listShipments(db: Tx, scope: Scope, dossierId: number) {
  const { dossier } = await getDossier(db, inScope(dossierId, scope));
  const rows = await db
    .select()
    .from(postalShipments)
    .where(eq(postalShipments.dossierId, dossier.id))
    .orderBy(asc(postalShipments.id));
  return rows.map(presentShipment);
}

/** Records a shipment on a dossier in the caller's units (audited); a tracking number is recorded once. */
export async function recordShipment(
  database: Database,
  scope: Scope,
  dossierId: number,
  input: ShipmentInput,
  userId: number,
  actor: Actor,
) {
  const { dossier } = await getDossier(database.db, inScope(dossierId, scope));
  return presentShipment(await database.db.transaction((tx) => addShipment(tx, dossier.id, input, userId, actor)));
}

/** Moves a dossier's shipment on (in transit, delivered, returned, lost), under the shipment's lock. */
export async function advanceShipment(
  database: Database,
  scope: Scope,
  ids: { id: number; shipmentId: number },
  status: ShipmentStatus,
  actor: Actor,
) {
  const { dossier } = await getDossier(database.db, inScope(ids.id, scope));
  return presentShipment(
    await database.db.transaction(async (tx) => {
      const [s] = await tx
        .select()
        .from(postalShipments)
        .where(and(eq(postalShipments.id, ids.shipmentId), eq(postalShipments.dossierId, dossier.id)))
        .for('update');
      if (!s) throw notFound({ vi: 'Không tìm thấy bưu gửi', en: 'Shipment not found' });
      return moveShipment(tx, s, status, actor);
    }),
  );
}

/** A shipment moves forward only; a delivered or returned one is final. */
const nextShipmentStatuses: Record<ShipmentStatus, ShipmentStatus[]> = {
  CREATED: ['IN_TRANSIT', 'DELIVERED', 'LOST'],
  IN_TRANSIT: ['DELIVERED', 'RETURNED_TO_SENDER', 'LOST'],
  DELIVERED: [],
  RETURNED_TO_SENDER: [],
  LOST: [],
};

async function addShipment(tx: Tx, dossierId: number, input: ShipmentInput, userId: number, actor: Actor) {
  try {
    const [row] = await tx
      .insert(postalShipments)
      .values({ dossierId, ...input, address: input.address ?? null, createdBy: userId })
      .returning();
    await insertAudit(tx, actor, {
      action: 'shipment.create',
      entityType: 'dossier',
      entityId: dossierId,
      details: { direction: input.direction, trackingNumber: input.trackingNumber },
    });
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'postal_shipments_tracking_key')) {
      throw conflict({
        vi: 'Số vận đơn này đã được ghi cho một hồ sơ khác',
        en: 'This tracking number is already recorded',
      });
    }
    throw error;
  }
}

async function moveShipment(tx: Tx, shipment: ShipmentRow, status: ShipmentStatus, actor: Actor) {
  if (!nextShipmentStatuses[shipment.status as ShipmentStatus].includes(status)) {
    throw new AppError('CONFLICT', 409, {
      vi: 'Không thể chuyển bưu gửi sang trạng thái này',
      en: 'The shipment cannot move to this status',
    });
  }
  const [row] = await tx
    .update(postalShipments)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(postalShipments.id, shipment.id))
    .returning();
  await insertAudit(tx, actor, {
    action: 'shipment.status',
    entityType: 'dossier',
    entityId: shipment.dossierId,
    details: { shipment: shipment.id, status },
  });
  return row!;
}
