import { validation } from '../../lib/errors.js';

/** A reporting period: two local days, both included. */
export type Period = { from: string; to: string };

const periodProblem = (field: 'from' | 'to', code: string, vi: string, en: string) =>
  validation([{ field, code, message: { vi, en } }]);

/** A period given as `from`–`to`: both days present and the start not after the end (400 otherwise). */
export function periodOf(query: { from?: string; to?: string }): Period {
  const { from, to } = query;
  if (!from) throw periodProblem('from', 'REQUIRED', 'Hãy chọn ngày bắt đầu', 'Choose the start date');
  if (!to) throw periodProblem('to', 'REQUIRED', 'Hãy chọn ngày kết thúc', 'Choose the end date');
  if (from > to)
    throw periodProblem('from', 'RANGE', 'Ngày bắt đầu phải trước ngày kết thúc', 'The start must come before the end');
  return { from, to };
}
