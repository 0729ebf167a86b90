import type { FastifyRequest } from 'fastify';
import { databaseFailure } from './errors.js';

/**
 * What request and error log lines may hold. URLs carry tokens (`/s/<token>`, `/api/public/dossiers/<token>`), ID
 * numbers and phones (`?q=…`), so a request is logged by its route pattern, never its URL; a database error by its
 * SQLSTATE, constraint and table, never its message (drizzle's names the bound values: "params: …") nor PostgreSQL's
 * detail ("Key (…)=(031190001111) already exists").
 */

/** `{ method, route, remoteAddress }`: the route as registered ("/api/public/dossiers/:token"). */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    route: request.routeOptions?.url ?? '(no route)',
    remoteAddress: request.ip,
  };
}

/** The stack's "at …" lines only: its first line repeats the message. */
const frames = (stack: unknown) =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((line) => line.trimStart().startsWith('at '))
        .join('\n')
    : '';

/** An error as it may be logged: type, codes and where it was thrown; a database error without its values. */
export function errorForLog(error: unknown): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  const e = error as Error & { code?: unknown; statusCode?: unknown };
  const db = databaseFailure(error);
  if (db) {
    const { message: _message, ...safe } = db;
    return { type: e.name, message: `database error ${db.sqlState}`, ...safe, stack: frames(e.stack) };
  }
  return {
    type: e.name,
    // Never a query's parameters, should some error quote them.
    message: e.message.split(/\n?params:/)[0]!.slice(0, 500),
    code: e.code,
    statusCode: e.statusCode,
    stack: frames(e.stack),
  };
}

/** Serializers for Fastify's logger: every `req` and `err` in a log line goes through them. */
export const logSerializers = {
  req: requestForLog,
  err: errorForLog,
};
