import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Permission } from '../../../shared/permissions.js';
import type { App, AppDeps } from '../../deps.js';
import { errorResponses } from '../../lib/http.js';
import {
  MessagesQuery,
  MessagesReply,
  SandboxOverview,
  ZaloMessageInput,
  ZaloMessageReply,
} from './sandbox.schemas.js';
import { sandboxMessages, sandboxOverview, sandboxZaloMessage } from './sandbox.service.js';

/**
 * The sandbox outbox: what each demo phone received while the sandbox providers run (`npm start`, never production).
 * Without the sandbox both answer "not running" and nothing received, so the console can ask without an error.
 * Staff who write announcements read it; the links in it are the households' own signed read links.
 */
export function registerSandbox(app: App, deps: AppDeps) {
  const sandbox = deps.sandbox;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/sandbox', {
    config: { permission: Permission.ANNOUNCEMENT_WRITE },
    schema: {
      tags: ['sandbox'],
      summary: 'Sandbox providers (never in production): whether they run, what they stand in for, the mailboxes',
      response: { 200: SandboxOverview, ...errorResponses },
    },
    handler: async () => sandboxOverview(sandbox),
  });

  r.get('/api/sandbox/messages', {
    config: { permission: Permission.ANNOUNCEMENT_WRITE },
    schema: {
      tags: ['sandbox'],
      summary: "Sandbox providers: one phone's or email address's messages on every channel, in order",
      querystring: MessagesQuery,
      response: { 200: MessagesReply, ...errorResponses },
    },
    handler: async (request) => sandboxMessages(sandbox, request.query.mailbox),
  });

  r.post('/api/sandbox/zalo-messages', {
    config: { permission: Permission.ANNOUNCEMENT_WRITE },
    schema: {
      tags: ['sandbox'],
      summary: "Sandbox providers: a demo resident writes to the commune's Zalo OA (through the signed webhook)",
      body: ZaloMessageInput,
      response: { 200: ZaloMessageReply, ...errorResponses },
    },
    handler: async (request) => sandboxZaloMessage(sandbox, request.body.phone, request.body.text),
  });
}
