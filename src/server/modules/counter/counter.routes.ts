import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses, IdParams, Problem } from '../../lib/http.js';
import { TokenParams } from '../dossiers/dossiers.schemas.js';
import { communeByCode } from '../dossiers/dossiers.submit.js';
import {
  Appointment,
  AppointmentsQuery,
  BookInput,
  Booking,
  QueueNumber,
  QueueNumberInput,
  Shipment,
  ShipmentInput,
  ShipmentParams,
  ShipmentStatusInput,
  Slot,
  SlotsQuery,
} from './counter.schemas.js';
import { book, cancel, checkIn, listAppointments, openSlots, walkInNumber } from './counter.service.js';
import { advanceShipment, listShipments, recordShipment } from './counter.shipments.js';

/**
 * The counter's day: appointment slots with capacity, bookings, check-in with a queue number, walk-in tickets, the
 * post.
 */
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
      querystring: SlotsQuery,
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
      response: { 201: Booking, ...publicErrors },
    },
    handler: async (request, reply) => {
      const booking = await book(deps, request.body, actorOf(request));
      return reply.status(201).send(booking);
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
      querystring: AppointmentsQuery,
      response: { 200: z.object({ items: z.array(Appointment) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: await listAppointments(db, cipher, request.scope!, request.query, actorOf(request)),
    }),
  });

  r.post('/api/appointments/:id/check-in', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['counter'],
      summary: 'The citizen has arrived: give them the next queue number',
      params: IdParams,
      response: { 200: QueueNumber, ...errorResponses },
    },
    handler: async (request) => checkIn(database, request.scope!, request.params.id, actorOf(request)),
  });

  r.post('/api/queue-numbers', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['counter'],
      summary: 'A queue number for a walk-in citizen',
      body: QueueNumberInput,
      response: { 201: QueueNumber, ...errorResponses },
    },
    handler: async (request, reply) => {
      const ticket = await walkInNumber(database, request.scope!, request.body.unitId);
      return reply.status(201).send(ticket);
    },
  });

  r.get('/api/dossiers/:id/shipments', {
    config: { permission: Permission.DOSSIER_READ },
    schema: {
      tags: ['counter'],
      summary: "A dossier's postal shipments (papers in, results out)",
      params: IdParams,
      response: { 200: z.object({ items: z.array(Shipment) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listShipments(db, request.scope!, request.params.id) }),
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
      const { scope, auth, params, body } = request;
      const shipment = await recordShipment(database, scope!, params.id, body, auth!.user.id, actorOf(request));
      return reply.status(201).send(shipment);
    },
  });

  r.patch('/api/dossiers/:id/shipments/:shipmentId', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['counter'],
      summary: 'Move a shipment on (in transit, delivered, returned to sender, lost)',
      params: ShipmentParams,
      body: ShipmentStatusInput,
      response: { 200: Shipment, ...errorResponses },
    },
    handler: async (request) =>
      advanceShipment(database, request.scope!, request.params, request.body.status, actorOf(request)),
  });
}
