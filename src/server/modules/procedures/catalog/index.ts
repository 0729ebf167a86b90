import { business } from './business.js';
import { certification } from './certification.js';
import { civilStatus } from './civil-status.js';
import { land } from './land.js';
import { other } from './other.js';
import type { CatalogEntry } from './parts.js';
import { residence } from './residence.js';
import { social } from './social.js';

export type { CatalogEntry } from './parts.js';

/**
 * The common commune-level procedures shipped with Ketnoi (DOMAIN.md §3), one file per field, in the order the
 * catalog page lists them.
 */
export const catalog: CatalogEntry[] = [
  ...civilStatus,
  ...certification,
  ...residence,
  ...business,
  ...social,
  ...land,
  ...other,
];
