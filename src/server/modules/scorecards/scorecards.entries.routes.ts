import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { contentDisposition } from '../../lib/downloads.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import {
  approveEntry,
  createEntry,
  entryDetail,
  listEntries,
  returnEntry,
  submitEntry,
  updateEntry,
} from './scorecards.entries.js';
import {
  CreateEntryInput,
  Entry,
  EntryDetail,
  EntryList,
  EntryListQuery,
  EvidenceFile,
  ReturnInput,
  RowVersionInput,
  UpdateEntryInput,
} from './scorecards.entries.schemas.js';
import { attachEvidence, deleteEvidence, readEvidence } from './scorecards.evidence.js';

const tags = ['scorecards'];

/** Entered scorecard values and their evidence: draft, submit, approve or return, correct as a new version. */
export function registerScorecardEntries(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const by = (request: FastifyRequest) => ({ userId: request.auth!.user.id, actor: actorOf(request) });

  r.get('/api/scorecards/entries', {
    config: { permission: Permission.SCORECARD_READ },
    schema: {
      tags,
      summary: 'Entered values in your units (a unit’s subtree), the latest version of each unless history=true',
      querystring: EntryListQuery,
      response: { 200: EntryList, ...errorResponses },
    },
    handler: async (request) => listEntries(db, request.scope!, request.query),
  });

  r.get('/api/scorecards/entries/:id', {
    config: { permission: Permission.SCORECARD_READ },
    schema: {
      tags,
      summary: 'An entered value with every version of it (newest first) and its audit trail',
      params: IdParams,
      response: { 200: EntryDetail, ...errorResponses },
    },
    handler: async (request) => entryDetail(db, request.scope!, request.params.id),
  });

  r.post('/api/scorecards/entries', {
    config: { permission: Permission.SCORECARD_ENTER },
    schema: {
      tags,
      summary:
        'Start a value (a draft); after an approved one, a correction as its next version. 409 ENTRY_OPEN while one is open',
      body: CreateEntryInput,
      response: { 201: Entry, ...errorResponses },
    },
    handler: async (request, reply) => {
      const entry = await createEntry(db, request.scope!, request.body, by(request));
      reply.status(201);
      return entry;
    },
  });

  r.patch('/api/scorecards/entries/:id', {
    config: { permission: Permission.SCORECARD_ENTER },
    schema: {
      tags,
      summary: 'Change a draft or returned value',
      params: IdParams,
      body: UpdateEntryInput,
      response: { 200: Entry, ...errorResponses },
    },
    handler: async (request) => updateEntry(db, request.scope!, request.params.id, request.body, by(request)),
  });

  r.post('/api/scorecards/entries/:id/submit', {
    config: { permission: Permission.SCORECARD_ENTER },
    schema: {
      tags,
      summary: 'Send it to the province (needs an evidence file or a note: 400 EVIDENCE_REQUIRED)',
      params: IdParams,
      body: RowVersionInput,
      response: { 200: Entry, ...errorResponses },
    },
    handler: async (request) =>
      submitEntry(db, request.scope!, request.params.id, request.body.rowVersion, by(request)),
  });

  r.post('/api/scorecards/entries/:id/approve', {
    config: { permission: Permission.SCORECARD_APPROVE },
    schema: {
      tags,
      summary: 'Approve a submitted value (not your own submission): it is locked and the values are recomputed',
      params: IdParams,
      body: RowVersionInput,
      response: { 200: Entry, ...errorResponses },
    },
    handler: async (request) =>
      approveEntry(deps, request.scope!, request.params.id, request.body.rowVersion, by(request)),
  });

  r.post('/api/scorecards/entries/:id/return', {
    config: { permission: Permission.SCORECARD_APPROVE },
    schema: {
      tags,
      summary: 'Return a submitted value to its unit with the reason',
      params: IdParams,
      body: ReturnInput,
      response: { 200: Entry, ...errorResponses },
    },
    handler: async (request) => returnEntry(db, request.scope!, request.params.id, request.body, by(request)),
  });

  r.post('/api/scorecards/entries/:id/evidence', {
    config: { permission: Permission.SCORECARD_ENTER },
    schema: {
      tags,
      summary: 'Attach evidence (multipart `file`: PDF, JPEG, PNG, XLSX or DOCX judged by its bytes, up to 10 MB)',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 201: EvidenceFile, ...errorResponses },
    },
    handler: async (request, reply) => {
      const file = await attachEvidence(db, request.scope!, request.params.id, request, by(request));
      reply.status(201);
      return file;
    },
  });

  r.get('/api/scorecards/evidence/:id', {
    config: { permission: Permission.SCORECARD_READ },
    schema: {
      tags,
      summary: 'An evidence file, as a download (audited)',
      params: IdParams,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const f = await readEvidence(db, request.scope!, request.params.id, by(request));
      return reply
        .type(f.mimeType)
        .header('content-disposition', contentDisposition('attachment', f.fileName))
        .send(f.content);
    },
  });

  r.delete('/api/scorecards/evidence/:id', {
    config: { permission: Permission.SCORECARD_ENTER },
    schema: {
      tags,
      summary: 'Remove an evidence file while its value is a draft or returned',
      params: IdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await deleteEvidence(db, request.scope!, request.params.id, by(request));
      return reply.status(204).send(null);
    },
  });
}
