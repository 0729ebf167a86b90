import { z } from 'zod';
import { Text, IsoDate, Id } from '../../lib/http.js';

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.number().int().nullable(),
    username: z.string().nullable(),
    roles: z.string().nullable(),
    unitId: z.number().int().nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

/** Filters of the audit log (and its export). */
export const AuditQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  userId: Id.optional(),
  action: Text(60).optional(),
  entityType: Text(40).optional(),
  entityId: Text(40).optional(),
});
