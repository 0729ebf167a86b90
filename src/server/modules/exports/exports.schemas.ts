import { z } from 'zod';
import { Text, Id } from '../../lib/http.js';
import { HouseholdKind, VneidLevel } from '../../../shared/enums.js';

export const Format = z.enum(['xlsx', 'csv']).default('xlsx');

export const ResidentsExportQuery = z.object({
  format: Format,
  q: Text(100).optional(),
  unit: Id.optional(),
  vneidLevel: z.enum(VneidLevel).optional(),
  tag: Text(40).optional(),
  includeFormer: z.enum(['true', 'false']).default('false'),
});

export const HouseholdsExportQuery = z.object({
  format: Format,
  q: Text(100).optional(),
  unit: Id.optional(),
  kind: z.enum(HouseholdKind).optional(),
});
