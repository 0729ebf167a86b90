import { z } from 'zod';
import { RegistryFilter } from '../residents/residents.schemas.js';

export const Format = z.enum(['xlsx', 'csv']).default('xlsx');

/** The resident list's filter (the same schema), plus the file's format. */
export const ResidentsExportQuery = z.object({
  ...RegistryFilter.shape,
  format: Format,
  includeFormer: z.enum(['true', 'false']).default('false'),
});

/** The household list's filter (the same schema), plus the file's format. */
export const HouseholdsExportQuery = z.object({
  ...RegistryFilter.shape,
  format: Format,
});
