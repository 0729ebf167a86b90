import { and, asc, between, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { dutyShifts, supportPoints, teamMembers, teams, units } from '../../db/schema/index.js';
import { unitInScope } from '../../db/scope.js';
import { conflict, isUniqueViolation, notFound } from '../../lib/errors.js';
import { errorResponses, Id, IdParams, IsoDate, Phone, Problem, Text } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { audited } from '../audit/audit.repo.js';
import { findCommuneByCode, getUnitPath } from '../units/units.service.js';
import { activeMember, pointOf, teamInScope } from './teams.service.js';

const Role = z.enum(['HEAD', 'DEPUTY', 'MEMBER']);
const Shift = z.enum(['MORNING', 'AFTERNOON', 'EVENING']);
const Member = z.object({
  id: z.number().int(),
  fullName: z.string(),
  role: Role,
  skills: z.array(z.string()),
  hasPhone: z.boolean(),
  userId: z.number().int().nullable(),
  joinedOn: z.string(),
});
const Team = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    name: z.string(),
    decisionRef: z.string().nullable(),
    members: z.array(Member),
  })
  .meta({ id: 'Team' });
const Duty = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    day: z.string(),
    shift: Shift,
    memberId: z.number().int(),
    memberName: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'DutyShift' });
const SupportPoint = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    name: z.string(),
    address: z.string(),
    hours: z.string(),
    services: z.string().nullable(),
  })
  .meta({ id: 'SupportPoint' });
const SupportPointInput = z.object({
  unitId: Id,
  name: Text(120).min(2),
  address: Text(300).min(3),
  hours: Text(200).min(3),
  services: Text(500).optional(),
});

/**
 * Community Digital Technology Teams (issue 5 §1): a team per residential group and one for the commune, their
 * members (people with a phone and skills, some also with a login), the one-stop counter's duty roster, and the
 * support points where a team helps people, which citizens see on the commune's page.
 */
export function registerTeams(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher } = deps;
  const db = database.db;
  const read = { permission: Permission.UNIT_READ };
  const manage = { permission: Permission.TEAM_MANAGE };

  r.get('/api/teams', {
    config: read,
    schema: {
      tags: ['teams'],
      summary: 'Teams in your units, with their current members',
      response: { 200: z.object({ items: z.array(Team) }), ...errorResponses },
    },
    handler: async (request) => {
      const rows = await db
        .select({ t: teams, unitName: units.name })
        .from(teams)
        .innerJoin(units, eq(units.id, teams.unitId))
        .where(unitInScope(teams.unitId, request.scope!))
        .orderBy(asc(units.path), asc(teams.id));
      const members = rows.length
        ? await db
            .select()
            .from(teamMembers)
            .where(
              and(
                inArray(
                  teamMembers.teamId,
                  rows.map((x) => x.t.id),
                ),
                isNull(teamMembers.leftOn),
              ),
            )
            .orderBy(asc(teamMembers.id))
        : [];
      const order = { HEAD: 0, DEPUTY: 1, MEMBER: 2 } as const;
      return {
        items: rows.map(({ t, unitName }) => ({
          id: t.id,
          unitId: t.unitId,
          unitName,
          name: t.name,
          decisionRef: t.decisionRef,
          members: members
            .filter((m) => m.teamId === t.id)
            .sort((a, b) => order[a.role as keyof typeof order] - order[b.role as keyof typeof order])
            .map((m) => ({
              id: m.id,
              fullName: m.fullName,
              role: m.role as z.infer<typeof Role>,
              skills: m.skills,
              hasPhone: m.phoneEnc !== null,
              userId: m.userId,
              joinedOn: m.joinedOn,
            })),
        })),
      };
    },
  });

  r.post('/api/teams', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: "Set up a team for a residential group or the commune (by the chair's decision)",
      body: z.object({ unitId: Id, name: Text(120).min(2), decisionRef: Text(120).optional() }),
      response: { 201: z.object({ id: z.number().int() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      await getUnitPath(db, request.body.unitId, request.scope!);
      const [t] = await audited(
        db,
        actorOf(request),
        (tx) =>
          tx
            .insert(teams)
            .values({ ...request.body, decisionRef: request.body.decisionRef ?? null })
            .returning({ id: teams.id }),
        (made) => ({ action: 'team.create', entityType: 'team', entityId: made[0]!.id }),
      );
      reply.status(201);
      return t!;
    },
  });

  r.post('/api/teams/:id/members', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: 'Add a member (the group head as HEAD, volunteers as MEMBER)',
      params: IdParams,
      body: z.object({
        fullName: Text(120).min(2),
        role: Role.default('MEMBER'),
        phone: Phone.optional(),
        skills: z.array(Text(60).min(1)).max(10).default([]),
        userId: Id.optional(),
      }),
      response: { 201: z.object({ id: z.number().int() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const t = await teamInScope(db, request.scope!, request.params.id);
      const b = request.body;
      const [m] = await audited(
        db,
        actorOf(request),
        (tx) =>
          tx
            .insert(teamMembers)
            .values({
              teamId: t.id,
              fullName: b.fullName,
              role: b.role,
              phoneEnc: b.phone ? cipher.encrypt(b.phone) : null,
              skills: b.skills,
              userId: b.userId ?? null,
            })
            .returning({ id: teamMembers.id }),
        (made) => ({
          action: 'team.member.add',
          entityType: 'team',
          entityId: t.id,
          details: { memberId: made[0]!.id },
        }),
      );
      reply.status(201);
      return m!;
    },
  });

  r.delete('/api/teams/:id/members/:memberId', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: 'A member leaves the team (kept in its history)',
      params: z.object({ id: Id, memberId: Id }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const t = await teamInScope(db, request.scope!, request.params.id);
      await audited(
        db,
        actorOf(request),
        async (tx) => {
          const left = await tx
            .update(teamMembers)
            .set({ leftOn: sql`current_date` })
            .where(
              and(
                eq(teamMembers.id, request.params.memberId),
                eq(teamMembers.teamId, t.id),
                isNull(teamMembers.leftOn),
              ),
            )
            .returning({ id: teamMembers.id });
          // Thrown inside the transaction, so a miss leaves no audit entry behind.
          if (left.length === 0)
            throw notFound({ vi: 'Không tìm thấy thành viên này trong tổ', en: 'No such member in this team' });
        },
        {
          action: 'team.member.leave',
          entityType: 'team',
          entityId: t.id,
          details: { memberId: request.params.memberId },
        },
      );
      return reply.status(204).send(null);
    },
  });

  r.get('/api/duty', {
    config: read,
    schema: {
      tags: ['teams'],
      summary: 'Who is on duty at the one-stop counter, day by day',
      querystring: z.object({ unitId: Id, from: IsoDate, to: IsoDate }),
      response: { 200: z.object({ items: z.array(Duty) }), ...errorResponses },
    },
    handler: async (request) => {
      await getUnitPath(db, request.query.unitId, request.scope!);
      const rows = await db
        .select({ d: dutyShifts, memberName: teamMembers.fullName })
        .from(dutyShifts)
        .innerJoin(teamMembers, eq(teamMembers.id, dutyShifts.memberId))
        .where(
          and(
            eq(dutyShifts.unitId, request.query.unitId),
            between(dutyShifts.day, request.query.from, request.query.to),
          ),
        )
        .orderBy(asc(dutyShifts.day), asc(dutyShifts.shift));
      return {
        items: rows.map(({ d, memberName }) => ({
          id: d.id,
          unitId: d.unitId,
          day: d.day,
          shift: d.shift as z.infer<typeof Shift>,
          memberId: d.memberId,
          memberName,
          note: d.note,
        })),
      };
    },
  });

  r.post('/api/duty', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: 'Put a team member on a counter shift',
      body: z.object({ unitId: Id, day: IsoDate, shift: Shift, memberId: Id, note: Text(200).optional() }),
      response: { 201: z.object({ id: z.number().int() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      await getUnitPath(db, request.body.unitId, request.scope!);
      await activeMember(db, request.scope!, request.body.memberId);
      try {
        const [d] = await audited(
          db,
          actorOf(request),
          (tx) =>
            tx
              .insert(dutyShifts)
              .values({ ...request.body, note: request.body.note ?? null })
              .returning({ id: dutyShifts.id }),
          (made) => ({ action: 'duty.add', entityType: 'duty', entityId: made[0]!.id }),
        );
        reply.status(201);
        return d!;
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict({ vi: 'Người này đã có trong ca trực đó', en: 'This person is already on that shift' });
        throw error;
      }
    },
  });

  r.get('/api/support-points', {
    config: read,
    schema: {
      tags: ['teams'],
      summary: 'Support points in your units',
      response: { 200: z.object({ items: z.array(SupportPoint) }), ...errorResponses },
    },
    handler: async (request) => ({
      items: (
        await db
          .select()
          .from(supportPoints)
          .where(and(unitInScope(supportPoints.unitId, request.scope!), isNull(supportPoints.closedAt)))
          .orderBy(asc(supportPoints.id))
      ).map(pointOf),
    }),
  });

  r.post('/api/support-points', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: "A place where the team helps people, with its hours (shown on the commune's page)",
      body: SupportPointInput,
      response: { 201: SupportPoint, ...errorResponses },
    },
    handler: async (request, reply) => {
      await getUnitPath(db, request.body.unitId, request.scope!);
      const [p] = await audited(
        db,
        actorOf(request),
        (tx) =>
          tx
            .insert(supportPoints)
            .values({ ...request.body, services: request.body.services ?? null })
            .returning(),
        (made) => ({ action: 'support-point.create', entityType: 'support-point', entityId: made[0]!.id }),
      );
      reply.status(201);
      return pointOf(p!);
    },
  });

  r.get('/api/public/communes/:code/support-points', {
    config: { public: true },
    schema: {
      tags: ['teams'],
      summary: "Where the commune's digital teams help people, and when (no login)",
      security: [],
      params: z.object({ code: z.string().regex(/^\d{5}$/) }),
      response: {
        200: z.object({ items: z.array(SupportPoint.extend({ unitName: z.string() })) }),
        400: Problem,
        404: Problem,
        429: Problem,
      },
    },
    handler: async (request, reply) => {
      const commune = await findCommuneByCode(db, request.params.code);
      const rows = await db
        .select({ p: supportPoints, unitName: units.name })
        .from(supportPoints)
        .innerJoin(units, eq(units.id, supportPoints.unitId))
        .where(and(sql`${units.path} like ${`${commune.path}%`}`, isNull(supportPoints.closedAt)))
        .orderBy(asc(units.path), asc(supportPoints.id));
      reply.header('cache-control', 'public, max-age=300');
      return { items: rows.map(({ p, unitName }) => ({ ...pointOf(p), unitName })) };
    },
  });
}
