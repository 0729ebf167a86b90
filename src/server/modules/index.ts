import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppDeps } from '../deps.js';
import { databaseAnswers } from '../db/client.js';
import { RETRY_AFTER_SECONDS } from '../lib/errors.js';
import { registerAudit } from './audit/audit.routes.js';
import { registerAuth } from './auth/auth.routes.js';
import { registerCalendar } from './calendar/calendar.routes.js';
import { registerPublicDossiers } from './dossiers/dossiers.public-routes.js';
import { registerDossierResults } from './dossiers/dossiers.results-routes.js';
import { registerDossiers } from './dossiers/dossiers.routes.js';
import { registerOnestopSettings } from './dossiers/dossiers.settings.js';
import { registerOpen311 } from './open311/open311.routes.js';
import { registerPayments } from './payments/payments.routes.js';
import { registerMail } from './mail/mail.service.js';
import { registerFeedbackStats } from './feedback/feedback.stats.routes.js';
import { registerIndicators } from './indicators/indicators.routes.js';
import { registerInventory } from './inventory/inventory.routes.js';
import { registerCounter } from './counter/counter.routes.js';
import { registerDocuments } from './documents/documents.routes.js';
import { registerSweep } from './dossiers/dossiers.sweep.js';
import { registerCitizens } from './citizens/citizens.routes.js';
import { registerAnnouncements } from './announcements/announcements.routes.js';
import { registerTeams } from './teams/teams.routes.js';
import { registerCampaignAssignments } from './campaigns/assignments.routes.js';
import { registerCampaigns } from './campaigns/campaigns.routes.js';
import { registerCampaignField } from './campaigns/field.routes.js';
import { registerCampaignProgress } from './campaigns/progress.routes.js';
import { registerExports } from './exports/exports.routes.js';
import { registerFeedbackNotify } from './feedback/feedback.notify.js';
import { registerFeedback } from './feedback/feedback.routes.js';
import { registerHouseholds } from './households/households.routes.js';
import { registerImports } from './imports/imports.routes.js';
import { registerProcedures } from './procedures/procedures.routes.js';
import { registerResidents } from './residents/residents.routes.js';
import { registerPublicFeedback } from './feedback/feedback.public-routes.js';
import { registerScorecardDashboards } from './scorecards/scorecards.dashboard.routes.js';
import { registerScorecardReports } from './scorecards/scorecards.reports.routes.js';
import { registerScorecardPublic } from './scorecards/scorecards.public.routes.js';
import { registerSandbox } from './sandbox/sandbox.routes.js';
import { registerScorecardCatalog } from './scorecards/scorecards.catalog.routes.js';
import { registerScorecardSettings } from './scorecards/scorecards.settings.routes.js';
import { registerScorecardTargets } from './scorecards/scorecards.targets.routes.js';
import { registerScorecardSnapshots } from './scorecards/scorecards.snapshots.routes.js';
import { registerScorecardEntries } from './scorecards/scorecards.entries.routes.js';
import { registerUnits } from './units/units.routes.js';
import { registerUsers } from './users/users.routes.js';

/** Every module, listed explicitly in registration order (STYLE.md §4). A new module adds one line here. */
export async function registerModules(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const Health = z.object({ status: z.enum(['ok', 'down']), database: z.enum(['pglite', 'postgres']) });
  r.get('/healthz', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Whether the database answers (503 "down" while it does not, with Retry-After), and which one serves',
      response: { 200: Health, 503: Health },
    },
    handler: async (_request, reply) => {
      if (await databaseAnswers(deps.database)) return { status: 'ok' as const, database: deps.database.kind };
      return reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ status: 'down' as const, database: deps.database.kind });
    },
  });

  r.get('/api/openapi.json', {
    config: { public: true },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  registerAuth(app, deps);
  registerUnits(app, deps);
  registerHouseholds(app, deps);
  registerResidents(app, deps);
  registerImports(app, deps);
  registerExports(app, deps);
  registerUsers(app, deps);
  registerAudit(app, deps);
  registerProcedures(app, deps);
  registerCalendar(app, deps);
  registerDossiers(app, deps);
  registerPublicDossiers(app, deps);
  registerDossierResults(app, deps);
  registerOnestopSettings(app, deps);
  registerDocuments(app, deps);
  registerPayments(app, deps);
  registerMail(app, deps);
  registerIndicators(app, deps);
  registerCounter(app, deps);
  registerSweep(app, deps);
  registerCitizens(app, deps);
  registerAnnouncements(app, deps);
  registerTeams(app, deps);
  registerCampaigns(app, deps);
  registerCampaignAssignments(app, deps);
  registerCampaignField(app, deps);
  registerCampaignProgress(app, deps);
  registerFeedbackStats(app, deps);
  registerFeedback(app, deps);
  registerPublicFeedback(app, deps);
  registerFeedbackNotify(app, deps);
  registerScorecardSnapshots(app, deps);
  registerScorecardDashboards(app, deps);
  registerScorecardReports(app, deps);
  registerScorecardPublic(app, deps);
  registerSandbox(app, deps);
  registerOpen311(app, deps);
  registerScorecardCatalog(app, deps);
  registerScorecardTargets(app, deps);
  registerScorecardSettings(app, deps);
  registerScorecardEntries(app, deps);
  registerInventory(app, deps);
}
