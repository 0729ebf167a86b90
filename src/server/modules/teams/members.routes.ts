import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses } from '../../lib/http.js';
import { actorOf } from '../../lib/auth-context.js';
import { createSmsSender } from '../../lib/sms.js';
import { MemberLogin, MemberLoginInput, MemberParams, UpdateMemberInput } from './teams.schemas.js';
import * as members from './teams.members.js';

/**
 * A team member's row: edit, remove (kept in the team's past members) and give a login. The login needs the right to
 * create accounts on the member's unit, not only to manage the team, so a group head is not offered it.
 */
export function registerTeamMembers(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, cipher, config } = deps;
  const sms = createSmsSender(config, (line) => app.log.warn(line));
  const manage = { permission: Permission.TEAM_MANAGE };
  const ids = (p: { id: number; memberId: number }) => ({ teamId: p.id, memberId: p.memberId });

  r.patch('/api/teams/:id/members/:memberId', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: "Edit a member's name, phone, role in the team or unit (refused when the row changed meanwhile)",
      params: MemberParams,
      body: UpdateMemberInput,
      response: { 200: z.object({ version: z.number().int() }), ...errorResponses },
    },
    handler: async (request) =>
      members.updateMember(database, request.scope!, ids(request.params), request.body, actorOf(request), cipher),
  });

  r.delete('/api/teams/:id/members/:memberId', {
    config: manage,
    schema: {
      tags: ['teams'],
      summary: 'A member leaves the team (kept in its past members, with who removed them)',
      params: MemberParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await members.removeMember(
        database,
        request.scope!,
        request.params.id,
        request.params.memberId,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  });

  r.post('/api/teams/:id/members/:memberId/login', {
    config: { permission: Permission.USER_MANAGE },
    schema: {
      tags: ['teams'],
      summary: "Give a member a login (team member role on the member's unit): password shown once, or sent by SMS",
      params: MemberParams,
      body: MemberLoginInput,
      response: { 201: MemberLogin, ...errorResponses },
    },
    handler: async (request, reply) => {
      reply.status(201);
      return members.createMemberLogin(
        { database, cipher, sms },
        request.auth!,
        request.scope!,
        ids(request.params),
        request.body,
        actorOf(request),
      );
    },
  });
}
