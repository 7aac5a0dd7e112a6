import { ERROR_MESSAGES, ERROR_STATUS, ErrorBody, type ErrorCode, type FieldIssue, type Locale } from '@linli/contracts';
import type { z } from 'zod';

/** A failed API call: the server's code, message and field issues, or a local stand-in for network trouble. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly retryAfterSeconds?: number,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export function isApiError(err: unknown, code?: ErrorCode): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

/** Per-tab session state the wrapper sends along; set by the auth and i18n providers. */
const state: { csrfToken: string | null; locale: Locale } = { csrfToken: null, locale: 'zh-CN' };

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setApiLocale(locale: Locale): void {
  state.locale = locale;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function codeForStatus(status: number): ErrorCode {
  const hit = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status);
  return hit ? hit[0] : 'INTERNAL';
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Turns a non-2xx answer into an ApiError, falling back to the code's default message when the body is not ours. */
export async function toApiError(res: Response, locale: Locale = state.locale): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await readJson(res));
  if (!parsed.success) {
    const code = codeForStatus(res.status);
    return new ApiError(res.status, code, ERROR_MESSAGES[code][locale]);
  }
  const { code, message, details } = parsed.data.error;
  const retryHeader = Number(res.headers.get('retry-after'));
  const retryAfter = details?.retryAfterSeconds ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined);
  return new ApiError(res.status, code, message, details?.issues ?? [], retryAfter, details?.requestId);
}

/** The one fetch wrapper: cookies, CSRF on writes, UI locale, and every answer parsed with its contract schema. */
export async function request<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
  extraHeaders?: Record<string, string>,
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-linli-locale': state.locale, ...extraHeaders };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  let res: Response;
  try {
    const payload = body === undefined ? undefined : isForm ? body : JSON.stringify(body);
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: payload });
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', ERROR_MESSAGES.UNAVAILABLE[state.locale]);
  }
  if (!res.ok) throw await toApiError(res);
  const parsed = schema.safeParse(await readJson(res));
  if (!parsed.success) throw new ApiError(res.status, 'INTERNAL', ERROR_MESSAGES.INTERNAL[state.locale]);
  return parsed.data;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: Query) => request('GET', withQuery(path, query), schema),
  post: <S extends z.ZodType>(path: string, body: unknown, schema: S, headers?: Record<string, string>) =>
    request('POST', path, schema, body ?? {}, headers),
  /** multipart upload (the browser sets the boundary) */
  upload: <S extends z.ZodType>(path: string, form: FormData, schema: S) => request('POST', path, schema, form),
  put: <S extends z.ZodType>(path: string, body: unknown, schema: S) => request('PUT', path, schema, body),
  patch: <S extends z.ZodType>(path: string, body: unknown, schema: S) => request('PATCH', path, schema, body),
  del: <S extends z.ZodType>(path: string, schema: S) => request('DELETE', path, schema),
};
