/**
 * API errors: every failure answers JSON `{ error: { code, message, param } }` with a 4xx for
 * bad input, and a 500 without internals for anything unexpected.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export interface ApiErrorBody {
  error: { code: string; message: string; param: string | null };
}

/** An error for a request parameter; routes throw it, `onError` renders it. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
  ) {
    super(status, { message });
  }
}

/** The body for a zod validation failure: the first issue, naming its parameter. */
export function zodErrorBody(err: ZodError): ApiErrorBody {
  const issue = err.issues[0];
  const param = issue?.path.map(String).join('.') || null;
  return {
    error: {
      code: 'invalid_parameter',
      message: param ? `${param}: ${issue?.message ?? 'invalid'}` : (issue?.message ?? 'invalid request'),
      param,
    },
  };
}

/** `app.onError`: JSON for known errors, a bare 500 (logged) for the rest. */
export function renderError(err: Error, c: Context, log: (msg: string) => void): Response {
  if (err instanceof ApiError) {
    return c.json<ApiErrorBody>({ error: { code: err.code, message: err.message, param: err.param } }, err.status);
  }
  if (err instanceof HTTPException) {
    return c.json<ApiErrorBody>({ error: { code: 'http_error', message: err.message || 'request refused', param: null } }, err.status);
  }
  log(`internal error on ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
  return c.json<ApiErrorBody>({ error: { code: 'internal', message: 'internal error', param: null } }, 500);
}
