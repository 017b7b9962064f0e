/**
 * Fetch JSON from our own origin. Non-2xx answers become an `ApiError` carrying the server's
 * `{ error: { code, message, param } }` so the UI can show what was wrong.
 */
import { takeEarly } from './early.ts';
import type { ApiErrorBody } from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly param: string | null;

  constructor(status: number, code: string, message: string, param: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.param = param;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'message' in e;
}

/** GET `path` and parse it as JSON of type T (trusted: it is our server). */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const early = takeEarly<T>(path);
  if (early) {
    try {
      return await early;
    } catch {
      // the early request failed: this one says why
    }
  }
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    if (isErrorBody(body)) {
      throw new ApiError(res.status, body.error.code, body.error.message, body.error.param ?? null);
    }
    throw new ApiError(res.status, 'http_error', `HTTP ${res.status} ${res.statusText}`.trim());
  }
  return (await res.json()) as T;
}

/** Whether a failed query is worth retrying (network errors and 5xx, not 4xx). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}
