import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import { markPaper } from './dossiers.papers.js';
import { getDossier, inScope, type DossierWithNames } from './dossiers.repo.js';
import { DossierDetail, MarkInput } from './dossiers.schemas.js';

/**
 * What an officer notes on a dossier without a file: a paper handed over on paper, the result issued on paper, the
 * fee waived. Answers with the dossier as the officer now sees it (its papers, what still blocks its approval).
 */
export function registerPaperMarks(
  app: App,
  deps: AppDeps,
  detail: (request: FastifyRequest, row: DossierWithNames) => Promise<DossierDetail>,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/dossiers/:id/marks', {
    config: { permission: Permission.DOSSIER_PROCESS },
    schema: {
      tags: ['dossiers'],
      summary: 'Note a paper handed over on paper, the result issued on paper, or the fee waived (with the reason)',
      params: IdParams,
      body: MarkInput,
      response: { 200: DossierDetail, ...errorResponses },
    },
    handler: async (request) => {
      const scope = request.scope!;
      await markPaper(deps.database, scope, request.params.id, request.body, {
        userId: request.auth!.user.id,
        actor: actorOf(request),
      });
      return detail(request, await getDossier(deps.database.db, inScope(request.params.id, scope)));
    },
  });
}
