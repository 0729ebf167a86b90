import { ErrorCode } from '../../shared/enums.js';

export type Locale = 'vi' | 'en';
export type Message = { vi: string; en: string };

/** One field-level problem, in the shape the web app and the import report share. */
export type FieldError = { field: string; code: string; message: string };

/**
 * The one error class the application throws on purpose. The error handler (plugins/errors.ts) turns it into an
 * RFC 9457 problem+json body with a stable `code` and a message in the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly messages: Message,
    readonly fieldErrors?: { field: string; code: string; message: Message }[],
    readonly headers?: Record<string, string>,
  ) {
    super(messages.en);
  }
}

export const notFound = (what: Message = { vi: 'Không tìm thấy', en: 'Not found' }) =>
  new AppError(ErrorCode.NOT_FOUND, 404, what);

export const forbidden = (
  what: Message = { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
) => new AppError(ErrorCode.FORBIDDEN, 403, what);

export const conflict = (what: Message) => new AppError(ErrorCode.CONFLICT, 409, what);

export const unauthenticated = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 401, { vi: 'Vui lòng đăng nhập', en: 'Please sign in' });

export const validation = (fieldErrors: { field: string; code: string; message: Message }[]) =>
  new AppError(
    ErrorCode.VALIDATION,
    400,
    { vi: 'Dữ liệu gửi lên chưa hợp lệ', en: 'Some of the data sent is not valid' },
    fieldErrors,
  );

export const unitClosed = () =>
  new AppError(ErrorCode.UNIT_CLOSED, 409, {
    vi: 'Đơn vị này đã giải thể, không nhận thêm hồ sơ mới',
    en: 'This unit is closed and takes no new records',
  });

/** Is this a PostgreSQL unique-violation (SQLSTATE 23505), possibly wrapped by drizzle? */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined;
  for (let i = 0; e && i < 3; i++) {
    if (e.code === '23505') return constraint ? e.constraint === constraint || String(e).includes(constraint) : true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Awaits a write and turns a unique violation into the module's own error (a code, ID or name already taken). */
export async function unlessTaken<T>(write: Promise<T>, taken: () => AppError): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/** What PostgreSQL (or PGlite) says about a failed statement: safe to log, unlike its message and detail. */
export type DatabaseFailure = {
  sqlState: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  message: string;
};

/**
 * The database's own error inside whatever wraps it (drizzle's "Failed query … params: …" error carries it as its
 * `cause`), or undefined when the error did not come from the database.
 */
export function databaseFailure(error: unknown): DatabaseFailure | undefined {
  let e = error as
    | { code?: unknown; constraint?: string; table?: string; column?: string; routine?: string; message?: string }
    | undefined;
  for (let i = 0; e && i < 4; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && ('severity' in e || 'routine' in e)) {
      return {
        sqlState: e.code,
        constraint: e.constraint,
        table: e.table,
        column: e.column,
        routine: e.routine,
        message: String(e.message ?? ''),
      };
    }
    e = (e as { cause?: typeof e }).cause;
  }
  return undefined;
}

/** Seconds a client should wait before trying again while the database is away (Retry-After on 503s). */
export const RETRY_AFTER_SECONDS = 10;
