import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

/** The values of a check constraint's `in (…)` list, from the enum the code uses (fixed identifiers, no user input). */
export const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Binary content (uploads, imports). PGlite hands back a Uint8Array, node-postgres a Buffer: both become a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
