import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ErrorCode } from '../../shared/enums.js';
import { AppError, type Message } from '../lib/errors.js';
import { requestLocale } from '../lib/locale.js';

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

const validationMessage = (issue: { code?: string; message?: string; params?: Record<string, unknown> }): Message => {
  switch (issue.code) {
    case 'too_big':
      return { vi: 'Giá trị quá dài hoặc quá lớn', en: 'Value is too long or too large' };
    case 'too_small':
      return { vi: 'Giá trị quá ngắn hoặc thiếu', en: 'Value is too short or missing' };
    case 'invalid_type':
      return { vi: 'Sai kiểu dữ liệu hoặc thiếu trường bắt buộc', en: 'Wrong type or missing required field' };
    case 'invalid_value':
    case 'invalid_enum_value':
      return { vi: 'Giá trị không nằm trong danh sách cho phép', en: 'Value is not one of the allowed values' };
    case 'invalid_format':
    case 'invalid_string':
      return { vi: 'Sai định dạng', en: 'Wrong format' };
    default:
      return { vi: issue.message ?? 'Giá trị không hợp lệ', en: issue.message ?? 'Invalid value' };
  }
};

/** Fastify's own pre-routing failures (bad URL encoding, bad content type header) as problem+json. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, 400, ErrorCode.VALIDATION, {
    vi: 'Đường dẫn hoặc yêu cầu không hợp lệ',
    en: `Bad request: ${error.message}`,
  });
}

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
        const params = v.params as { issue?: { code?: string; message?: string; path?: PropertyKey[] } };
        const issue = params.issue ?? { message: v.message };
        const where = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const field = [error.validationContext, where].filter(Boolean).join('.');
        return { field, code: issue.code ?? 'invalid', message: `${field}: ${validationMessage(issue)[locale]}` };
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
