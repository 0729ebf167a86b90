import { and, asc, eq } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { normalizePhone } from '../../../shared/phone.js';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { postalShipments } from '../../db/schema/index.js';
import { notFound, validation } from '../../lib/errors.js';
import { errorResponses, Id, IdParams, IsoDate, Problem, Text } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { findDossier, inScope } from '../dossiers/dossiers.repo.js';
import { TokenParams } from '../dossiers/dossiers.schemas.js';
import { communeByCode } from '../dossiers/dossiers.submit.js';
import { ProcedureCode } from '../procedures/procedures.schemas.js';
import { getUnitPath } from '../units/units.service.js';
import {
  addShipment,
  book,
  cancel,
  checkIn,
  listAppointments,
  moveShipment,
  nextQueueNumber,
  openSlots,
} from './counter.service.js';

const Slot = z.object({
  day: z.string(),
  start: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  available: z.number().int(),
});
const BookInput = z.object({
  unitCode: z.string().regex(/^\d{5}$/),
  day: IsoDate,
  start: z.string().regex(/^\d{2}:\d{2}$/),
  fullName: Text(120).min(2),
  phone: z.string().trim().max(20),
  procedureCode: ProcedureCode.optional(),
});
const Appointment = z.object({
  id: z.number().int(),
  day: z.string(),
  start: z.string(),
  fullName: z.string(),
  phone: z.string(),
  procedureCode: z.string().nullable(),
  status: z.enum(['BOOKED', 'CANCELLED', 'CHECKED_IN']),
  queueNumber: z.number().int().nullable(),
});
const Shipment = z
  .object({
    id: z.number().int(),
    direction: z.enum(['IN', 'OUT']),
    carrier: z.string(),
    trackingNumber: z.string(),
    status: z.enum(['CREATED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED_TO_SENDER', 'LOST']),
    address: z.string().nullable(),
    feeAmount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Shipment' });
const ShipmentInput = z.object({
  direction: z.enum(['IN', 'OUT']),
  carrier: Text(40).min(2).default('VNPost'),
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,30}$/),
  address: Text(300).optional(),
  feeAmount: z.number().int().min(0).max(10_000_000).default(0),
});
const presentShipment = (s: typeof postalShipments.$inferSelect) => ({
  ...s,
  direction: s.direction as 'IN' | 'OUT',
  status: s.status as z.infer<typeof Shipment>['status'],
  createdAt: s.createdAt.toISOString(),
});

/** The counter's day: appointment slots with capacity, bookings, check-in with a queue number, walk-in tickets, the post. */
export function registerCounter(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher } = deps;
  const db = database.db;
  const limited = {
    public: true,
    rateLimit: { max: deps.config.publicSubmitPerMinute, timeWindow: '1 minute' },
  } as const;
  const publicErrors = { 400: Problem, 404: Problem, 409: Problem, 429: Problem } as const;

  r.get('/api/public/appointments/slots', {
    config: { public: true },
    schema: {
      tags: ['counter'],
      summary:
        'Free appointment slots at a commune counter over the next 10 days (days off and no-appointment days closed)',
      security: [],
      querystring: z.object({ unitCode: z.string().regex(/^\d{5}$/) }),
      response: { 200: z.object({ items: z.array(Slot) }), ...publicErrors },
    },
    handler: async (request) => {
      const unit = await communeByCode(db, request.query.unitCode);
      return { items: await openSlots(db, unit.id, new Date()) };
    },
  });

  r.post('/api/public/appointments', {
    config: limited,
    schema: {
      tags: ['counter'],
      summary: 'Book a place at the counter; the secret token cancels it',
      security: [],
      body: BookInput,
      response: { 201: z.object({ token: z.string(), day: z.string(), start: z.string() }), ...publicErrors },
    },
    handler: async (request, reply) => {
      const phone = normalizePhone(request.body.phone);
      if (!phone)
        throw validation([
          {
            field: 'phone',
            code: 'PHONE',
            message: { vi: 'Số điện thoại không đúng', en: 'Not a Vietnamese phone number' },
          },
        ]);
      const unit = await communeByCode(db, request.body.unitCode);
      reply.status(201);
      return book(database, cipher, unit.id, { ...request.body, phone }, actorOf(request));
    },
  });

  r.post('/api/public/appointments/:token/cancel', {
    config: limited,
    schema: {
      tags: ['counter'],
      summary: 'Cancel a booking (the place goes back to the slot)',
      security: [],
      params: TokenParams,
      response: { 204: z.null(), ...publicErrors },
    },
    handler: async (request, reply) => {
      await cancel(database, request.params.token, actorOf(request));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/appointments', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['counter'],
      summary: "A day's appointments at a commune counter",
      querystring: z.object({ unit: Id, day: IsoDate }),
      response: { 200: z.object({ items: z.array(Appointment) }), ...errorResponses },
    },
    handler: async (request) => {
      await getUnitPath(db, request.query.unit, request.scope!);
      return { items: await listAppointments(db, cipher, request.query.unit, request.query.day) };
    },
  });

  r.post('/api/appointments/:id/check-in', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['counter'],
      summary: 'The citizen has arrived: give them the next queue number',
      params: IdParams,
      response: { 200: z.object({ queueNumber: z.number().int() }), ...errorResponses },
    },
    handler: async (request) =>
      checkIn(
        database,
        async (tx, unitId) => void (await getUnitPath(tx, unitId, request.scope!)),
        request.params.id,
        actorOf(request),
      ),
  });

  r.post('/api/queue-numbers', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['counter'],
      summary: 'A queue number for a walk-in citizen',
      body: z.object({ unitId: Id }),
      response: { 201: z.object({ queueNumber: z.number().int() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      await getUnitPath(db, request.body.unitId, request.scope!);
      reply.status(201);
      return { queueNumber: await db.transaction((tx) => nextQueueNumber(tx, request.body.unitId)) };
    },
  });

  const dossierIn = async (id: number, scope: Parameters<typeof inScope>[1]) => {
    const found = await findDossier(db, inScope(id, scope));
    if (!found) throw notFound({ vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' });
    return found.dossier;
  };

  r.get('/api/dossiers/:id/shipments', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['counter'],
      summary: "A dossier's postal shipments (papers in, results out)",
      params: IdParams,
      response: { 200: z.object({ items: z.array(Shipment) }), ...errorResponses },
    },
    handler: async (request) => {
      const d = await dossierIn(request.params.id, request.scope!);
      return {
        items: (
          await db
            .select()
            .from(postalShipments)
            .where(eq(postalShipments.dossierId, d.id))
            .orderBy(asc(postalShipments.id))
        ).map(presentShipment),
      };
    },
  });

  r.post('/api/dossiers/:id/shipments', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['counter'],
      summary: 'Record a postal shipment with its tracking number',
      params: IdParams,
      body: ShipmentInput,
      response: { 201: Shipment, ...errorResponses },
    },
    handler: async (request, reply) => {
      const d = await dossierIn(request.params.id, request.scope!);
      reply.status(201);
      return presentShipment(
        await db.transaction((tx) => addShipment(tx, d.id, request.body, request.auth!.user.id, actorOf(request))),
      );
    },
  });

  r.patch('/api/dossiers/:id/shipments/:shipmentId', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['counter'],
      summary: 'Move a shipment on (in transit, delivered, returned to sender, lost)',
      params: z.object({ id: Id, shipmentId: Id }),
      body: z.object({ status: Shipment.shape.status }),
      response: { 200: Shipment, ...errorResponses },
    },
    handler: async (request) => {
      const d = await dossierIn(request.params.id, request.scope!);
      return presentShipment(
        await db.transaction(async (tx) => {
          const [s] = await tx
            .select()
            .from(postalShipments)
            .where(and(eq(postalShipments.id, request.params.shipmentId), eq(postalShipments.dossierId, d.id)))
            .for('update');
          if (!s) throw notFound({ vi: 'Không tìm thấy bưu gửi', en: 'Shipment not found' });
          return moveShipment(tx, s, request.body.status, actorOf(request));
        }),
      );
    },
  });
}
