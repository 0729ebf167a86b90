import { z } from 'zod';
import { CommuneCode, Id, IsoDate, Text } from '../../lib/http.js';
import { ProcedureCode } from '../procedures/procedures.schemas.js';

export const Slot = z.object({
  day: z.string(),
  start: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  available: z.number().int(),
});
export type Slot = z.infer<typeof Slot>;

export const SlotsQuery = z.object({ unitCode: CommuneCode });

export const BookInput = z.object({
  unitCode: CommuneCode,
  day: IsoDate,
  start: z.string().regex(/^\d{2}:\d{2}$/),
  fullName: Text(120).min(2),
  phone: z.string().trim().max(20),
  procedureCode: ProcedureCode.optional(),
});
export type BookInput = z.infer<typeof BookInput>;

/** What the citizen keeps: the token cancels the booking. */
export const Booking = z.object({ token: z.string(), day: z.string(), start: z.string() });

export const AppointmentStatus = z.enum(['BOOKED', 'CANCELLED', 'CHECKED_IN']);
export const Appointment = z.object({
  id: z.number().int(),
  day: z.string(),
  start: z.string(),
  fullName: z.string(),
  phone: z.string(),
  procedureCode: z.string().nullable(),
  status: AppointmentStatus,
  queueNumber: z.number().int().nullable(),
});

export const AppointmentsQuery = z.object({ unit: Id, day: IsoDate });

export const QueueNumber = z.object({ queueNumber: z.number().int() });
export const QueueNumberInput = z.object({ unitId: Id });

export const ShipmentStatus = z.enum(['CREATED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED_TO_SENDER', 'LOST']);
export type ShipmentStatus = z.infer<typeof ShipmentStatus>;

export const Shipment = z
  .object({
    id: z.number().int(),
    direction: z.enum(['IN', 'OUT']),
    carrier: z.string(),
    trackingNumber: z.string(),
    status: ShipmentStatus,
    address: z.string().nullable(),
    feeAmount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Shipment' });

export const ShipmentInput = z.object({
  direction: z.enum(['IN', 'OUT']),
  carrier: Text(40).min(2).default('VNPost'),
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,30}$/),
  address: Text(300).optional(),
  feeAmount: z.number().int().min(0).max(10_000_000).default(0),
});
export type ShipmentInput = z.infer<typeof ShipmentInput>;

export const ShipmentParams = z.object({ id: Id, shipmentId: Id });
export const ShipmentStatusInput = z.object({ status: ShipmentStatus });
