import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppDeps } from '../../deps.js';
import { actorOf } from '../../lib/auth-context.js';
import { registerOpen311Clients } from './open311.clients.js';
import {
  type Format,
  Open311Error,
  open311ErrorHandler,
  renderList,
  renderObject,
  sendDocument,
  sendErrors,
  splitFile,
} from './open311.format.js';
import { FileParams, FormatParams, JurisdictionQuery, PostRequestInput, RequestsQuery } from './open311.schemas.js';
import * as service from './open311.service.js';

/** Form bodies are small: 4,000 characters of description and a few fields. */
const FORM_BODY_LIMIT = 64 * 1024;

/** `{id}.{format}` of a resource, or the spec's 404. */
function fileOf(file: string, what: string): { id: string; format: Format } {
  const parsed = splitFile(file);
  if (!parsed) throw new Open311Error(404, `${what}: not found (end the address with .xml or .json)`);
  return parsed;
}

/**
 * Open311 GeoReport v2 (DOMAIN-2 §2) under /open311/v2, one endpoint for every commune: `jurisdiction_id` is the
 * commune's code. Reading needs no key and shows only what the commune published; posting needs the commune's
 * api_key and files a ticket like every other intake. Errors are the spec's, in the format asked for. These routes
 * are left out of the OpenAPI document: their answers are XML or the spec's JSON, and their errors are not
 * problem+json (which the access matrix and the bad-input sweep expect); open311.test.ts covers them instead.
 */
export function registerOpen311(app: App, deps: AppDeps) {
  const { database, config } = deps;
  const db = database.db;
  const hidden = { hide: true } as const;

  const geoReport = async (scoped: App) => {
    scoped.setErrorHandler(open311ErrorHandler);
    scoped.setNotFoundHandler((request, reply) =>
      sendErrors(reply, request.url.split('?')[0]!.endsWith('.json') ? 'json' : 'xml', 404, [
        new Open311Error(404, 'No such resource (see discovery.xml)'),
      ]),
    );
    // POST bodies are form-encoded (the spec). Repeated fields keep their last value; `attribute[…]` is dropped.
    scoped.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => {
        const fields: Record<string, string> = {};
        for (const [key, value] of new URLSearchParams(body as string)) {
          if (!key.startsWith('attribute[')) fields[key] = value;
        }
        done(null, fields);
      },
    );
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    const cached = { 'cache-control': 'public, max-age=300' };

    r.get('/discovery.:format', {
      config: { public: true },
      schema: { ...hidden, params: FormatParams },
      handler: async (request, reply) => {
        const { json, xml } = service.discovery(config.publicUrl);
        const format = request.params.format;
        return sendDocument(reply.headers(cached), format, renderObject(format, 'discovery', json, xml));
      },
    });

    r.get('/services.:format', {
      config: { public: true },
      schema: { ...hidden, params: FormatParams, querystring: JurisdictionQuery },
      handler: async (request, reply) => {
        const format = request.params.format;
        const rows = await db.transaction(async (tx) => {
          const commune = await service.getJurisdiction(tx, request.query.jurisdiction_id);
          return service.listServices(tx, commune.id);
        });
        return sendDocument(reply.headers(cached), format, renderList(format, 'services', 'service', rows));
      },
    });

    r.get('/services/:file', {
      config: { public: true },
      schema: { ...hidden, params: FileParams, querystring: JurisdictionQuery },
      handler: async (request, reply) => {
        const { id, format } = fileOf(request.params.file, 'service_code');
        const definition = await db.transaction(async (tx) => {
          const commune = await service.getJurisdiction(tx, request.query.jurisdiction_id);
          return service.getServiceDefinition(tx, commune.id, id);
        });
        return sendDocument(
          reply.headers(cached),
          format,
          renderObject(format, 'service_definition', definition.json, definition.xml),
        );
      },
    });

    r.get('/requests.:format', {
      config: { public: true },
      schema: { ...hidden, params: FormatParams, querystring: RequestsQuery },
      handler: async (request, reply) => {
        const format = request.params.format;
        const rows = await db.transaction(async (tx) => {
          const commune = await service.getJurisdiction(tx, request.query.jurisdiction_id);
          return service.listRequests(tx, commune.id, request.query, new Date());
        });
        return sendDocument(reply, format, renderList(format, 'service_requests', 'request', rows));
      },
    });

    // Per api_key (or per address when none is sent), counted once the body is read.
    const postKey = (request: FastifyRequest) => {
      const key = (request.body as { api_key?: unknown } | undefined)?.api_key;
      return typeof key === 'string' && key
        ? `open311:${createHash('sha256').update(key).digest('hex')}`
        : `open311-ip:${request.ip}`;
    };
    r.post('/requests.:format', {
      config: {
        public: true,
        rateLimit: {
          max: config.publicSubmitPerMinute,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: postKey,
        },
      },
      schema: { ...hidden, params: FormatParams, body: PostRequestInput },
      handler: async (request, reply) => {
        const format = request.params.format;
        const commune = await service.getJurisdiction(db, request.body.jurisdiction_id);
        const rows = await service.postRequest(
          deps,
          { ...request.body, communeId: commune.id },
          actorOf(request),
          new Date(),
        );
        return sendDocument(reply, format, renderList(format, 'service_requests', 'request', rows));
      },
    });

    r.get('/requests/:file', {
      config: { public: true },
      schema: { ...hidden, params: FileParams, querystring: JurisdictionQuery },
      handler: async (request, reply) => {
        const { id, format } = fileOf(request.params.file, 'service_request_id');
        const rows = await db.transaction(async (tx) => {
          const commune = await service.getJurisdiction(tx, request.query.jurisdiction_id);
          return service.getRequest(tx, commune.id, id);
        });
        return sendDocument(reply, format, renderList(format, 'service_requests', 'request', rows));
      },
    });

    r.get('/tokens/:file', {
      config: { public: true },
      schema: { ...hidden, params: FileParams, querystring: JurisdictionQuery },
      handler: async (request, reply) => {
        const { id, format } = fileOf(request.params.file, 'token');
        const rows = await db.transaction(async (tx) => {
          const commune = await service.getJurisdiction(tx, request.query.jurisdiction_id);
          return service.lookupToken(tx, deps, commune.id, id);
        });
        return sendDocument(reply, format, renderList(format, 'service_requests', 'request', rows));
      },
    });
  };
  // biome-ignore lint/nursery/noMisusedPromises: Fastify's register takes async plugins (Biome reads one overload)
  void app.register(geoReport, { prefix: '/open311/v2' });

  registerOpen311Clients(app, deps);
}
