import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.js';
import { requestLocale } from '../../lib/locale.js';

/**
 * GeoReport v2's wire format (DOMAIN-2 §2): the format is the resource's extension, XML is required and JSON mirrors
 * it, both UTF-8 with the spec's content types, and errors are a list of `{code, description}` (`<errors><error>`),
 * never problem+json: Open311 clients parse only that.
 */
export type Format = 'json' | 'xml';

export const contentTypes: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** A plain value of a document: what both renderings can say. */
export type Scalar = string | number | boolean | null | undefined;
export type Row = Record<string, Scalar>;

/** An Open311 error: the HTTP status, and a body code that may be more specific (the spec allows it). */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly code: number = status,
  ) {
    super(description);
  }
}

/**
 * `DAT_DAI.xml` → `{ id: 'DAT_DAI', format: 'xml' }`. Taken apart by hand because ticket codes hold dots
 * (`PAKN.20261207.0001.json`), which a router parameter pattern would split on.
 */
export function splitFile(file: string): { id: string; format: Format } | undefined {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  if (!match) return undefined;
  return { id: match[1]!, format: match[2] as Format };
}

/** The format of a request whose URL names one (for errors raised before the handler knows it): XML by default. */
export function formatOf(request: FastifyRequest): Format {
  const path = request.url.split('?')[0] ?? '';
  return path.endsWith('.json') ? 'json' : 'xml';
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true });

/** Nulls and absent values are written as empty elements (`<address/>`), booleans and numbers as their text. */
function xmlValue(value: Scalar | Scalar[] | object): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return value;
}

function xmlRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, xmlValue(v as Scalar)]));
}

/** An XML document: the declaration, then `root` as given (already in the builder's object shape). */
export function xmlDocument(root: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(root) as string}`;
}

/** A list as the spec writes it: `<services><service>…</service>…</services>`, JSON an array of the same objects. */
export function renderList(format: Format, root: string, item: string, rows: Row[]): string {
  if (format === 'json') return JSON.stringify(rows);
  return xmlDocument({ [root]: { [item]: rows.map(xmlRow) } });
}

/** One object (discovery, a service definition) in either format; nested lists are given in both shapes. */
export function renderObject(format: Format, root: string, json: object, xml: Record<string, unknown>): string {
  if (format === 'json') return JSON.stringify(json);
  return xmlDocument({ [root]: xml });
}

export function sendDocument(reply: FastifyReply, format: Format, body: string, status = 200) {
  return reply.status(status).header('content-type', contentTypes[format]).send(body);
}

export function sendErrors(reply: FastifyReply, format: Format, status: number, errors: Open311Error[]) {
  const rows = errors.map((e) => ({ code: e.code, description: e.description }));
  return sendDocument(reply, format, renderList(format, 'errors', 'error', rows), status);
}

/**
 * The error handler of the Open311 routes: every failure in the spec's error list, in the format the URL asked for.
 * The application's own errors keep their status and message (in the request's language); schema validation names
 * the parameter; a rate limit is 429; anything else is a 500 whose cause is only logged.
 */
export function open311ErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const format = formatOf(request);
  if (error instanceof Open311Error) return sendErrors(reply, format, error.status, [error]);
  if (error instanceof AppError) {
    const locale = requestLocale(request);
    const fields = error.fieldErrors ?? [];
    const errors = fields.length
      ? fields.map((f) => new Open311Error(error.status, `${f.field}: ${f.message[locale]}`))
      : [new Open311Error(error.status, error.messages[locale])];
    for (const [name, value] of Object.entries(error.headers ?? {})) reply.header(name, value);
    return sendErrors(reply, format, error.status, errors);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => {
      const field = (issue.instancePath || '').replace(/^\//, '').replaceAll('/', '.');
      return new Open311Error(400, `${field || error.validationContext}: ${issue.message}`);
    });
    return sendErrors(reply, format, 400, errors);
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return sendErrors(reply, format, 429, [new Open311Error(429, 'Too many requests; try later')]);
  if (status >= 400 && status < 500) {
    // Fastify's own refusals (a body too large, an unsupported content type): its message names the problem.
    return sendErrors(reply, format, status, [new Open311Error(status, error.message)]);
  }
  request.log.error({ err: error }, 'open311 request failed');
  return sendErrors(reply, format, 500, [new Open311Error(500, 'Internal error')]);
}
