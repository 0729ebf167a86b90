import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Permission } from '../../shared/permissions.js';

/**
 * The caller's reach for one permission: the unit paths where they hold a role granting it.
 * Every repository function that touches registry data takes a Scope (not optional), and puts
 * `unitInScope(...)` in its WHERE clause, so no module can forget the caller's units (STYLE.md §28).
 */
export type Scope = { readonly permission: Permission; readonly prefixes: readonly string[] };

/** Paths are built from integer ids ("/1/12/"), so they carry no LIKE metacharacters to escape. */
function pathMatches(prefixes: readonly string[]): SQL {
  if (prefixes.length === 0) return sql`false`;
  return sql.join(
    prefixes.map((p) => sql`u.path like ${`${p}%`}`),
    sql` or `,
  );
}

/** `column` (a unit id) lies in the caller's subtree(s). */
export function unitInScope(column: AnyColumn | SQL, scope: Scope): SQL {
  return sql`${column} in (select u.id from units u where ${pathMatches(scope.prefixes)})`;
}

/** A unit path lies in the caller's subtree(s): for queries that already have the path at hand. */
export function pathInScope(pathColumn: AnyColumn | SQL, scope: Scope): SQL {
  if (scope.prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.prefixes.map((p) => sql`${pathColumn} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/**
 * A unit path lies in the caller's subtree(s) or above them (an ancestor of one of their units): what a caller may
 * follow, like the commune a group head works for or a campaign filed above their group.
 */
export function pathAlongScope(pathColumn: AnyColumn | SQL, scope: Scope): SQL {
  if (scope.prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.prefixes.map((p) => sql`(${pathColumn} like ${`${p}%`} or ${p} like ${pathColumn} || '%')`),
    sql` or `,
  )})`;
}

/** Same test in memory, for a path already loaded (e.g. a unit row being re-parented). */
export function pathWithin(path: string, scope: Scope): boolean {
  return scope.prefixes.some((p) => path.startsWith(p));
}

/**
 * The unit id at a depth of a path ("/nation/province/commune/group/alley/": 0 the nation, 2 the commune, 3 the
 * group; -1 the unit itself), or null when the path is not that deep.
 */
export function unitAt(path: string, depth: number): number | null {
  const step = path.split('/').filter(Boolean).at(depth);
  return step === undefined ? null : Number(step);
}
