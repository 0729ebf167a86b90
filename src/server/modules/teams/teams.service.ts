import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { type supportPoints, teamMembers, teams } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';

/** A team in the caller's scope (404 otherwise: another group's team does not exist for them). */
export async function teamInScope(db: Tx, scope: Scope, id: number) {
  const [t] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.id, id), unitInScope(teams.unitId, scope)));
  if (!t) throw notFound({ vi: 'Không tìm thấy tổ công nghệ số', en: 'Team not found' });
  return t;
}

/** A current member of a team in the caller's units (404 otherwise): who can be put on duty or given households. */
export async function activeMember(db: Tx, scope: Scope, memberId: number): Promise<{ id: number }> {
  const [m] = await db
    .select({ id: teamMembers.id })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.id, memberId), isNull(teamMembers.leftOn), unitInScope(teams.unitId, scope)));
  if (!m) throw notFound({ vi: 'Không tìm thấy thành viên tổ công nghệ số này', en: 'No such team member' });
  return m;
}

/** A support point as the API shows it. */
export const pointOf = (p: typeof supportPoints.$inferSelect) => ({
  id: p.id,
  unitId: p.unitId,
  name: p.name,
  address: p.address,
  hours: p.hours,
  services: p.services,
});
