import i18next from 'i18next';

/** The API's problem+json, parsed in this one place (STYLE.md §25). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly fieldErrors: { field: string; code: string; message: string }[] = [],
  ) {
    super(detail);
  }
}

let csrfToken = '';
export const setCsrfToken = (token: string) => (csrfToken = token);

/** The browser's fetch; the server's renderer (entry-server.tsx) swaps in one that answers from the API in-process. */
let fetchImpl: typeof fetch = (input, init) => fetch(input, init);
export const setFetch = (impl: typeof fetch) => (fetchImpl = impl);

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; form?: FormData; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': i18next.language, ...init.headers };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetchImpl(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18next.t('errors.network'));
  }
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}) as Record<string, never>);
    throw new ApiError(
      res.status,
      problem.code ?? 'INTERNAL',
      problem.detail ?? i18next.t('errors.generic'),
      problem.errors ?? [],
    );
  }
  // 204 No Content (logout, cancel, acknowledge) has no body to parse.
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The message to show a person for any thrown error. */
export const messageOf = (error: unknown) =>
  error instanceof ApiError
    ? [error.detail, ...error.fieldErrors.map((f) => f.message)].filter(Boolean).join(' — ')
    : i18next.t('errors.generic');
