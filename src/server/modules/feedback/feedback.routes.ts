import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffTicketAction } from '../../../shared/feedback.js';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { contentDisposition } from '../../lib/downloads.js';
import { errorResponses, IdParams } from '../../lib/http.js';
import {
  accept,
  answer,
  approveAnswer,
  assign,
  type Change,
  close,
  reject,
  returnAnswer,
  takeTicketAction,
  transfer,
} from './feedback.actions.js';
import { decideExtension, markAbuse, merge, note, publish, requestExtension, unpublish } from './feedback.decisions.js';
import { publicationPreview } from './feedback.publication.js';
import { registerFeedbackReminders } from './feedback.reminders.js';
import {
  AbuseInput,
  AnswerInput,
  AssignInput,
  Assignees,
  CreateTicketInput,
  DecideExtensionInput,
  ExtensionInput,
  FileParams,
  IdempotencyHeaders,
  MergeInput,
  NoteInput,
  PublicationInput,
  PublicationPreview,
  RejectInput,
  ReturnAnswerInput,
  TicketDetail,
  TicketListQuery,
  TicketPage,
  TransferInput,
  VersionInput,
} from './feedback.schemas.js';
import {
  assigneesOf,
  createdTicket,
  listQueue,
  presentDetail,
  readTicket,
  readTicketFile,
  recordTicket,
} from './feedback.service.js';
import { registerFeedbackSettings } from './feedback.settings-routes.js';
import { registerFeedbackTemplates } from './feedback.templates.js';

const tags = ['feedback'];

/** The staff side of questions and reports (PAKN, issue 16): the queue, a ticket, its workflow, settings, reminders. */
export function registerFeedback(app: App, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const staff = (request: FastifyRequest) => ({
    userId: request.auth!.user.id,
    auth: request.auth!,
    actor: actorOf(request),
  });

  r.get('/api/feedback/tickets', {
    config: { permission: Permission.FEEDBACK_READ },
    schema: {
      tags,
      summary: 'The queue: open, mine, due soon, overdue, to approve, finished, abuse (with filters and search)',
      querystring: TicketListQuery,
      response: { 200: TicketPage, ...errorResponses },
    },
    handler: async (request) =>
      listQueue(db, request.scope!, request.query, { userId: request.auth!.user.id, actor: actorOf(request) }),
  });

  r.post('/api/feedback/tickets', {
    config: { permission: Permission.FEEDBACK_PROCESS },
    schema: {
      tags,
      summary: "Record a question taken at the counter or on the hotline on a person's behalf",
      headers: IdempotencyHeaders,
      body: CreateTicketInput,
      response: { 201: TicketDetail, ...errorResponses },
    },
    handler: async (request, reply) => {
      const by = { ...staff(request), idempotencyKey: request.headers['idempotency-key'] };
      const made = await recordTicket(deps, request.scope!, request.body, by);
      reply.status(201);
      return presentDetail(db, deps, request.auth!, await createdTicket(db, made.id));
    },
  });

  r.get('/api/feedback/tickets/:id', {
    config: { permission: Permission.FEEDBACK_READ },
    schema: {
      tags,
      summary: "A ticket with the sender's contact, its journal, files and the actions you may take (audited)",
      params: IdParams,
      response: { 200: TicketDetail, ...errorResponses },
    },
    handler: async (request) =>
      presentDetail(db, deps, request.auth!, await readTicket(db, request.scope!, request.params.id, actorOf(request))),
  });

  r.get('/api/feedback/tickets/:id/assignees', {
    config: { permission: Permission.FEEDBACK_PROCESS },
    schema: {
      tags,
      summary: 'Who may be assigned the ticket (processing staff of its unit or above it)',
      params: IdParams,
      response: { 200: Assignees, ...errorResponses },
    },
    handler: async (request) => assigneesOf(db, request.scope!, request.params.id),
  });

  /** One workflow route: the permission, the body, and the action's `apply` built from the body. */
  function action<B extends z.ZodType>(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    name: StaffTicketAction,
    permission: Permission,
    body: B | undefined,
    summary: string,
    build: (input: z.infer<B>, request: FastifyRequest) => Parameters<typeof takeTicketAction>[6],
  ) {
    r.route({
      method,
      url: `/api/feedback/tickets/:id${path}`,
      config: { permission },
      schema: {
        tags,
        summary,
        params: IdParams,
        ...(body ? { body } : {}),
        response: { 200: TicketDetail, ...errorResponses },
      },
      handler: async (request) => {
        const input = (request.body ?? {}) as z.infer<B>;
        const version = (input as { version?: number }).version;
        return takeTicketAction(
          deps,
          request.scope!,
          (request.params as { id: number }).id,
          name,
          { version },
          staff(request),
          build(input, request),
        );
      },
    });
  }

  const P = Permission;
  action('POST', '/accept', 'accept', P.FEEDBACK_PROCESS, VersionInput, 'Accept the ticket for handling', () =>
    accept(),
  );
  action('POST', '/reject', 'reject', P.FEEDBACK_PROCESS, RejectInput, 'Refuse it, with the reason', (b) =>
    reject(b.reason),
  );
  action('POST', '/assign', 'assign', P.FEEDBACK_PROCESS, AssignInput, 'Assign it to an officer', (b) =>
    assign(b.assigneeId),
  );
  action(
    'POST',
    '/transfer',
    'transfer',
    P.FEEDBACK_PROCESS,
    TransferInput,
    'Transfer it to another unit of the commune (it leaves your lists; the assignee is cleared)',
    (b, request) => transfer(request.scope!, b),
  );
  action(
    'PUT',
    '/answer',
    'answer',
    P.FEEDBACK_PROCESS,
    AnswerInput,
    'Save the answer as a draft, or submit it (for approval where required, else sent to the citizen)',
    (b, request) => answer(b, request.auth!.user.id),
  );
  action(
    'POST',
    '/answer/approve',
    'approve_answer',
    P.FEEDBACK_APPROVE,
    VersionInput,
    'Approve the pending answer: it is sent',
    (_b, request) => approveAnswer(request.auth!.user.id),
  );
  action(
    'POST',
    '/answer/return',
    'return_answer',
    P.FEEDBACK_APPROVE,
    ReturnAnswerInput,
    'Return the pending answer to its officer with a note',
    (b) => returnAnswer(b.note),
  );
  action('POST', '/close', 'close', P.FEEDBACK_PROCESS, VersionInput, 'Close an answered ticket', () => close());
  action('POST', '/notes', 'note', P.FEEDBACK_PROCESS, NoteInput, 'Add an internal note', (b) => note(b.body));
  action(
    'POST',
    '/extension',
    'request_extension',
    P.FEEDBACK_PROCESS,
    ExtensionInput,
    'Ask a leader for more time',
    (b) => requestExtension(b),
  );
  action(
    'POST',
    '/extension/decide',
    'decide_extension',
    P.FEEDBACK_APPROVE,
    DecideExtensionInput,
    'Grant or refuse the requested extension (granted: the citizen is told the new date)',
    (b) => decideExtension(b),
  );
  action(
    'POST',
    '/merge',
    'merge',
    P.FEEDBACK_PROCESS,
    MergeInput,
    'Merge this duplicate into another ticket of the commune (it follows that answer)',
    (b, request) => merge(request.scope!, b.intoId, request.auth!.user.id),
  );
  action('POST', '/abuse', 'abuse', P.FEEDBACK_APPROVE, AbuseInput, 'Mark as abuse or spam (hidden, kept)', (b) =>
    markAbuse(b.reason),
  );
  action(
    'PUT',
    '/publication',
    'publish',
    P.FEEDBACK_APPROVE,
    PublicationInput,
    'Publish the masked question and answer on "Hỏi đáp"',
    (b) => publish(b),
  );
  action(
    'DELETE',
    '/publication',
    'unpublish',
    P.FEEDBACK_APPROVE,
    undefined,
    'Take it off "Hỏi đáp"',
    () => unpublish() as (...args: Parameters<Parameters<typeof takeTicketAction>[6]>) => Promise<Change>,
  );

  r.get('/api/feedback/tickets/:id/publication/preview', {
    config: { permission: Permission.FEEDBACK_APPROVE },
    schema: {
      tags,
      summary: 'The question and answer as "Hỏi đáp" would show them, personal data masked (a starting point to edit)',
      params: IdParams,
      response: { 200: PublicationPreview, ...errorResponses },
    },
    handler: async (request) => publicationPreview(db, request.scope!, request.params.id),
  });

  r.get('/api/feedback/tickets/:id/files/:fileId', {
    config: { permission: Permission.FEEDBACK_READ },
    schema: {
      tags,
      summary: 'Download a file of a ticket (audited)',
      params: FileParams,
      response: { 200: z.any(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const file = await readTicketFile(db, request.scope!, request.params, actorOf(request));
      reply.header('content-type', file.mimeType);
      reply.header('content-disposition', contentDisposition('attachment', file.fileName));
      return reply.send(file.content);
    },
  });

  registerFeedbackSettings(app, deps);
  registerFeedbackTemplates(app, deps);
  registerFeedbackReminders(app, deps);
}
