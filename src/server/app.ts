import Fastify, { type FastifyLoggerOptions, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { TrustProxy } from './config.js';
import type { AppDeps } from './deps.js';
import authPlugin from './plugins/auth.js';
import errorsPlugin, { frameworkErrors } from './plugins/errors.js';
import inputHygiene from './plugins/input-hygiene.js';
import securityHeaders, { DOCS_CSP } from './plugins/security-headers.js';
import webPlugin from './plugins/web.js';
import compress from '@fastify/compress';
import { logSerializers } from './lib/logging.js';
import { registerModules } from './modules/index.js';

/** Upload limit for registry imports: 20 MB holds ~200k rows of a group head's spreadsheet. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Fastify's trustProxy from the config. A hop count becomes "the nearest N hops" (Fastify 5 itself refuses to honour a
 * bare number for the protocol); a list is handed over as is. `true` never reaches here (config.ts refuses it).
 */
export function trustProxyOption(trust: TrustProxy): FastifyServerOptions['trustProxy'] {
  if (typeof trust === 'number') return trust > 0 ? (_address: string, hop: number) => hop < trust : false;
  return trust;
}

export async function buildApp(
  deps: AppDeps,
  options: { logger?: boolean | FastifyLoggerOptions; serveWeb?: boolean } = {},
) {
  // Request lines name the route, never the URL, and errors lose their bound values (lib/logging.ts).
  const logger = options.logger
    ? { ...(options.logger === true ? {} : options.logger), serializers: logSerializers }
    : false;
  const app = Fastify({
    logger,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
    // Requests carry a generated id, logged with every line, so a problem report can be traced.
    requestIdHeader: false,
    // Errors Fastify raises before routing (a malformed URL) get the same problem+json shape.
    frameworkErrors,
    // The web plugin imports the server renderer (a few MB of JavaScript) while starting: on a busy two-core machine
    // that took longer than Fastify's default 10 s and the app refused to start. A slow start is not a failed one.
    pluginTimeout: 60_000,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Infrastructure plugins; the security headers first, so every response carries them.
  await app.register(securityHeaders);
  await app.register(cookie);
  // API JSON and server-drawn pages compressed on the fly past 1 KB (a 3G phone waits on bytes, not on our CPU);
  // static files are compressed at build time instead (plugins/web.ts), and downloads (PDF, xlsx) are left alone.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: /^(application\/(json|problem\+json)|text\/html)\b/,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ketnoi API',
        version: '0.1.0',
        description: 'Commune registry, one-stop shop and outreach. Errors are application/problem+json (RFC 9457).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ketnoi_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // Swagger UI's pages get a policy of their own (its routes only): see plugins/security-headers.ts.
  // No validator badge: it would load an image from validator.swagger.io, which the policy (rightly) blocks.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP, uiConfig: { validatorUrl: null } });

  // App plugins, then modules.
  await app.register(errorsPlugin);
  await app.register(inputHygiene);
  await app.register(authPlugin, deps);
  // biome-ignore lint/nursery/noMisusedPromises: Fastify's register takes async plugins (Biome reads one overload)
  await app.register(async (scoped) => registerModules(scoped, deps));
  if (options.serveWeb) await app.register(webPlugin, { root: deps.config.webDist });
  return app;
}
