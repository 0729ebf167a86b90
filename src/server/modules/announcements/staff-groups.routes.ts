import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { StaffGroup, StaffGroupInput, StaffMemberInput } from './groups.schemas.js';
import { addStaffMember, createStaffGroup, listStaffGroups } from './staff-groups.service.js';

/** Internal staff groups to send announcements to: create one, list them with their members, add a member. */
export function registerStaffGroups(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const config = { permission: Permission.ANNOUNCEMENT_WRITE };

  r.post('/api/staff-groups', {
    config,
    schema: {
      tags: ['groups'],
      summary:
        'An internal group of staff (village heads, Party cell secretaries, an association) to send announcements to',
      body: StaffGroupInput,
      response: { 201: StaffGroup, ...errorResponses },
    },
    handler: async (request, reply) => {
      const group = await createStaffGroup(db, request.scope!, request.body, actorOf(request));
      reply.status(201);
      return group;
    },
  });

  r.get('/api/staff-groups', {
    config,
    schema: {
      tags: ['groups'],
      summary: 'Internal staff groups in your units, with their members',
      response: { 200: z.object({ items: z.array(StaffGroup) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listStaffGroups(db, request.scope!) }),
  });

  r.post('/api/staff-groups/:id/members', {
    config,
    schema: {
      tags: ['groups'],
      summary: 'Add someone to a staff group (a phone for SMS, an email, or both)',
      params: IdParams,
      body: StaffMemberInput,
      response: { 201: z.object({ id: z.number().int() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const member = await addStaffMember(deps, request.scope!, request.params.id, request.body, actorOf(request));
      reply.status(201);
      return member;
    },
  });
}
