import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Serves the built web app (dist/web) and answers unknown non-API GETs with index.html so client-side routes
 * survive a reload. API paths keep the JSON 404.
 */
export default fp(async function webPlugin(app: FastifyInstance, opts: { root: string }) {
  const root = path.resolve(opts.root);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn(`web app not built in ${root}: run npm run build`);
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const file = request.url.split('?')[0]!.slice(1);
    if (file && existsSync(path.join(root, file)) && !file.includes('..')) return reply.sendFile(file);
    return reply.type('text/html').sendFile('index.html');
  });
});
