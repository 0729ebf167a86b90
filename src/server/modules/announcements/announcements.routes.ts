import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../app.js';
import { errorResponses } from '../../lib/http.js';
import { Audience, audienceSize } from './audience.js';

const AudienceSize = z.object({
  households: z.number().int(), people: z.number().int(),
  groups: z.array(z.object({ unitId: z.number().int(), name: z.string(), households: z.number().int(), people: z.number().int() })),
}).meta({ id: 'AudienceSize' });

/** Announcements (issue 4), first part: how many households and people an audience reaches, before anything is sent. */
export function registerAnnouncements(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/announcements/audience', {
    config: { permission: Permission.ANNOUNCEMENT_WRITE },
    schema: { tags: ['announcements'], summary: 'Size of an audience (households and people, per residential group) inside your units', body: Audience, response: { 200: AudienceSize, ...errorResponses } },
    handler: async (request) => audienceSize(deps.database.db, request.scope!, request.body),
  });
}
