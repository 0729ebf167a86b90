import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ErrorCode } from '../../shared/enums.js';
import { AppError, databaseFailure, type Message, RETRY_AFTER_SECONDS } from '../lib/errors.js';
import { fieldProblemOf, valueAt, type ZodIssueLike } from '../lib/field-problems.js';
import { requestLocale } from '../lib/locale.js';
import { PRE_ROUTING_HEADERS } from './security-headers.js';

const titles: Record<string, Message> = {
  [ErrorCode.VALIDATION]: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  [ErrorCode.UNAUTHENTICATED]: { vi: 'Chưa đăng nhập', en: 'Not signed in' },
  [ErrorCode.FORBIDDEN]: { vi: 'Không có quyền', en: 'Forbidden' },
  [ErrorCode.NOT_FOUND]: { vi: 'Không tìm thấy', en: 'Not found' },
  [ErrorCode.CONFLICT]: { vi: 'Xung đột dữ liệu', en: 'Conflict' },
  [ErrorCode.CSRF]: { vi: 'Phiên làm việc không hợp lệ', en: 'Invalid CSRF token' },
  [ErrorCode.RATE_LIMITED]: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  [ErrorCode.LOCKED]: { vi: 'Tài khoản tạm khóa', en: 'Account locked' },
  [ErrorCode.PAYLOAD_TOO_LARGE]: { vi: 'Dữ liệu quá lớn', en: 'Payload too large' },
  [ErrorCode.UNIT_CLOSED]: { vi: 'Đơn vị đã giải thể', en: 'Unit closed' },
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: { vi: 'Mã chống gửi trùng đã dùng', en: 'Idempotency key reused' },
  [ErrorCode.UNAVAILABLE]: { vi: 'Dịch vụ tạm thời chưa dùng được', en: 'Service unavailable' },
  [ErrorCode.REFERENCE_NOT_FOUND]: { vi: 'Không tìm thấy bản ghi được tham chiếu', en: 'Referenced record not found' },
  [ErrorCode.PAPERS_MISSING]: { vi: 'Còn thiếu giấy tờ', en: 'Papers missing' },
  [ErrorCode.NOT_READY_TO_CLOSE]: { vi: 'Chưa đủ điều kiện', en: 'Not ready' },
  [ErrorCode.REMINDER_TOO_SOON]: { vi: 'Vừa nhắc gần đây', en: 'Reminded too recently' },
  [ErrorCode.DELIVERY_NOT_RETRYABLE]: { vi: 'Không gửi lại được', en: 'Cannot be retried' },
  [ErrorCode.ENTRY_OPEN]: { vi: 'Đang có số liệu chưa duyệt', en: 'A version is still open' },
  [ErrorCode.NOT_PUBLISHED]: { vi: 'Chưa công bố', en: 'Not published' },
  [ErrorCode.INTERNAL]: { vi: 'Lỗi hệ thống', en: 'Internal error' },
};

type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: { field: string; code: string; message: string }[];
};

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  detail: Message,
  errors?: Problem['errors'],
) {
  const locale = requestLocale(request);
  const body: Problem = {
    type: `https://ketnoi.vn/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: (titles[code] ?? titles.INTERNAL!)[locale],
    status,
    code,
    detail: detail[locale],
    instance: request.url.split('?')[0],
  };
  if (errors) body.errors = errors;
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

/** What the request sent in the part a validation failed on. */
function sentIn(request: FastifyRequest, context: string | undefined): unknown {
  if (context === 'body') return request.body;
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return undefined;
}

/** Fastify's own pre-routing failures (bad URL encoding, bad content type header) as problem+json. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.headers(PRE_ROUTING_HEADERS);
  return send(reply, request, 400, ErrorCode.VALIDATION, {
    vi: 'Đường dẫn hoặc yêu cầu không hợp lệ',
    en: `Bad request: ${error.message}`,
  });
}

/** Error codes (Node's and PostgreSQL's SQLSTATEs) meaning "the database cannot be reached right now". */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
]);
/** node-postgres says these without a code. */
const UNREACHABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Connection closed/i;

/** Is this (or what it wraps) a failure to reach the database, rather than the database refusing a statement? */
export function isDatabaseUnreachable(error: unknown): boolean {
  let e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] } | undefined;
  for (let i = 0; e && i < 5; i++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGE.test(e.message)) return true;
    // A connection refused on every address of a host comes as an AggregateError.
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnreachable(inner))) return true;
    e = e.cause as typeof e;
  }
  return false;
}

type Mapped = { status: number; code: ErrorCode; detail: Message; headers?: Record<string, string> };

/**
 * A statement the database refused, as the client's problem where it is one: data the schema let through but a column
 * cannot hold, a record named that does not exist, a uniqueness or check the service did not test first. Transient
 * failures (serialisation, deadlock, statement timeout, no resources) are 503 with Retry-After.
 */
function databaseRefusal(sqlState: string, message: string): Mapped | undefined {
  if (sqlState === '23503') {
    return message.includes('is still referenced')
      ? {
          status: 409,
          code: ErrorCode.CONFLICT,
          detail: { vi: 'Bản ghi này đang được dùng ở nơi khác', en: 'This record is still in use elsewhere' },
        }
      : {
          status: 400,
          code: ErrorCode.REFERENCE_NOT_FOUND,
          detail: {
            vi: 'Dữ liệu gửi lên tham chiếu tới một bản ghi không tồn tại',
            en: 'The request refers to a record that does not exist',
          },
        };
  }
  if (sqlState === '23505') {
    return { status: 409, code: ErrorCode.CONFLICT, detail: { vi: 'Bản ghi đã tồn tại', en: 'This already exists' } };
  }
  if (sqlState.startsWith('22') || sqlState === '23502' || sqlState === '23514') {
    return {
      status: 400,
      code: ErrorCode.VALIDATION,
      detail: {
        vi: 'Dữ liệu gửi lên nằm ngoài giới hạn cho phép',
        en: 'A value sent is out of range or not allowed here',
      },
    };
  }
  if (['40001', '40P01', '55P03', '57014'].includes(sqlState) || sqlState.startsWith('53')) {
    return {
      status: 503,
      code: ErrorCode.UNAVAILABLE,
      detail: { vi: 'Hệ thống đang bận, vui lòng thử lại', en: 'The system is busy; please try again' },
      headers: { 'retry-after': '1' },
    };
  }
  return undefined;
}

/** A multipart body that ends early or is malformed (busboy's words; @fastify/multipart gives them no status). */
const BROKEN_MULTIPART =
  /unexpected end of multipart data|Unexpected end of (form|file)|Malformed part header|Boundary not found/i;

/**
 * One error shape for the whole API (RFC 9457 problem+json with a stable `code`). 5xx details are logged, never sent.
 */
export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = requestLocale(request);
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      const errors = error.fieldErrors?.map((f) => ({ field: f.field, code: f.code, message: f.message[locale] }));
      return send(reply, request, error.status, error.code, error.messages, errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => {
        // The type provider hands the zod issue over as keyword (its code), message and params (the rest of it).
        const issue: ZodIssueLike = { ...(v.params as ZodIssueLike), code: v.keyword, message: v.message };
        const where = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const field = [error.validationContext, where].filter(Boolean).join('.');
        // A stable code and plain words per field, so a form can show them beside the box (the path is in `field`).
        const sent = valueAt(sentIn(request, error.validationContext), v.instancePath);
        const problem = fieldProblemOf(issue, field, sent);
        return { field, code: problem.code, message: problem.message[locale] };
      });
      return send(
        reply,
        request,
        400,
        ErrorCode.VALIDATION,
        { vi: 'Dữ liệu gửi lên chưa hợp lệ', en: 'Some of the data sent is not valid' },
        errors,
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, request, 500, ErrorCode.INTERNAL, {
        vi: 'Lỗi hệ thống, vui lòng thử lại sau',
        en: 'Something went wrong; please try again later',
      });
    }
    if (isDatabaseUnreachable(error)) {
      request.log.error({ err: error }, 'database unreachable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return send(reply, request, 503, ErrorCode.UNAVAILABLE, {
        vi: 'Hệ thống tạm thời không truy cập được dữ liệu, vui lòng thử lại sau ít phút',
        en: 'The database cannot be reached right now; please try again in a few minutes',
      });
    }
    const failure = databaseFailure(error);
    const refusal = failure && databaseRefusal(failure.sqlState, failure.message);
    if (refusal) {
      // A request the service should have refused itself: logged (without values) so the check gets written.
      request.log.warn({ err: error }, 'statement refused by the database');
      if (refusal.headers) reply.headers(refusal.headers);
      return send(reply, request, refusal.status, refusal.code, refusal.detail);
    }
    if (!error.statusCode && BROKEN_MULTIPART.test(error.message ?? '')) {
      return send(reply, request, 400, ErrorCode.VALIDATION, {
        vi: 'Tệp gửi lên bị cắt ngang hoặc sai định dạng, vui lòng gửi lại',
        en: 'The upload was cut off or malformed; please send it again',
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_PARTS_LIMIT') {
      return send(reply, request, 413, ErrorCode.PAYLOAD_TOO_LARGE, {
        vi: 'Tệp hoặc dữ liệu gửi lên quá lớn',
        en: 'The file or request body is too large',
      });
    }
    if (status === 429) {
      return send(reply, request, 429, ErrorCode.RATE_LIMITED, {
        vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút',
        en: 'Too many attempts; please wait a few minutes',
      });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: bad JSON, wrong content type, empty body…
      return send(reply, request, status, ErrorCode.VALIDATION, {
        vi: `Yêu cầu không hợp lệ (${error.code ?? status})`,
        en: `Bad request: ${error.message}`,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, ErrorCode.INTERNAL, {
      vi: 'Lỗi hệ thống, vui lòng thử lại sau',
      en: 'Something went wrong; please try again later',
    });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, ErrorCode.NOT_FOUND, { vi: 'Không tìm thấy đường dẫn này', en: 'No such route' }),
  );
});
