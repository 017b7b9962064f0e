/**
 * The admin API (issue #7), the same importer as `npm run data -- import`:
 *
 *   POST /api/admin/imports?kind=measures|objectives|ips|annuaire|arcep|boundaries&dry_run=&skip_invalid=&body=&file_name=   (the file as the request body)
 *   GET  /api/admin/imports      the audit log
 *   POST /api/admin/rollback     serve the previous version again
 *
 * `Authorization: Bearer <ADMIN_TOKEN>` (compared in constant time); without a token configured
 * every admin route answers 503. The body is streamed to a temporary file and never held in
 * memory: a declared or actual size above the limit answers 413 at once and stops reading.
 * Answers: 201 applied, 200 dry run, 422 refused (the report says why), 409 when another import
 * runs. Responses are `Cache-Control: no-store` (and, like every page, never framed).
 */
import { Hono, type Context } from 'hono';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DataLockedError } from '../../scripts/build/publish.ts';
import { readAudit } from '../../scripts/import/audit.ts';
import { FILE_IMPORT_KINDS, FILE_IMPORT_KIND_IDS, fileImportKind } from '../../scripts/import/kinds.ts';
import { DEFAULT_MAX_BYTES } from '../../scripts/import/measures.ts';
import { importObjectives } from '../../scripts/import/objectives.ts';
import { rollback } from '../../scripts/import/rollback.ts';
import { ApiError } from '../errors.ts';
import { validate } from '../validation.ts';

export interface AdminOptions {
  /** the data folder (`builds/`, the `warehouse` link, `.lock`, `imports.jsonl`) */
  dataDir: string;
  /** the bearer token; undefined or empty: imports disabled (503) */
  token?: string | undefined;
  /** largest upload in bytes (default 100 MB) */
  maxBytes?: number;
  /** where uploads are written while they are imported (default: the system temp folder) */
  uploadDir?: string;
  /** called after an import or a rollback swapped the version (the server opens it at once) */
  onPublished?: () => unknown;
}

const flag = z.enum(['true', 'false'], { error: () => 'must be true or false' }).default('false');

export const importQuery = z.object({
  kind: z
    .enum([...FILE_IMPORT_KIND_IDS, 'objectives'], { error: () => `must be one of ${[...FILE_IMPORT_KIND_IDS, 'objectives'].join(', ')}` })
    .describe(`what the file holds: ${FILE_IMPORT_KINDS.map((k) => `${k.kind} = ${k.describe}`).join('; ')}; objectives = convention objectives (JSON, the format of server/objectives/examples.json)`),
  dry_run: flag.describe('true: validate and report, change nothing'),
  skip_invalid: flag.describe('true: import the valid rows and list the skipped ones; false: refuse the whole file on any problem'),
  body: z.string().trim().min(1, 'the importing body is required').max(200, 'at most 200 characters').describe('the importing body (organisation), recorded with every value'),
  file_name: z
    .string()
    .max(200, 'at most 200 characters')
    .regex(/^[\w .,()-]+$/u, 'letters, digits, spaces and . , ( ) - _ only')
    .optional()
    .describe('the original file name, recorded in the audit log'),
});

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Streams the request body to `file`; false (file removed) when it passes `max` bytes. */
async function saveBody(c: Context, file: string, max: number): Promise<{ ok: boolean; bytes: number }> {
  const body = c.req.raw.body;
  if (!body) return { ok: true, bytes: 0 };
  const reader = body.getReader();
  const out = createWriteStream(file, { flags: 'wx' });
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > max) {
        await reader.cancel('too large').catch(() => {});
        out.destroy();
        await closed.catch(() => {});
        await rm(file, { force: true });
        return { ok: false, bytes };
      }
      if (!out.write(value)) await new Promise<void>((resolve) => out.once('drain', resolve));
    }
    out.end();
    await closed;
    return { ok: true, bytes };
  } catch (err) {
    out.destroy();
    await rm(file, { force: true });
    throw new ApiError(400, 'upload_failed', `the upload was interrupted (${err instanceof Error ? err.message : String(err)})`);
  }
}

const tooLarge = (max: number) => new ApiError(413, 'file_too_large', `the file is larger than the limit of ${Math.round(max / 1e6)} MB (IMPORT_MAX_BYTES): split it into several imports`, null);

/** The admin sub-app (mount it at /api/admin, outside the API cache). */
export function adminRoutes(opts: AdminOptions) {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const actorOf = (c: Context) => {
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    return `http:${env?.incoming?.socket?.remoteAddress ?? 'local'}`;
  };
  return new Hono()
    .use('*', async (c, next) => {
      c.header('Cache-Control', 'no-store');
      if (!opts.token) throw new ApiError(503, 'imports_disabled', 'imports are disabled on this server: set ADMIN_TOKEN to enable the admin API');
      const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
      if (!m?.[1] || !sameToken(m[1], opts.token)) {
        c.header('WWW-Authenticate', 'Bearer realm="admin"');
        throw new ApiError(401, 'unauthorized', 'a valid "Authorization: Bearer <token>" header is required');
      }
      await next();
      c.res.headers.set('Cache-Control', 'no-store');
    })
    .post('/imports', validate('query', importQuery), async (c) => {
      const q = c.req.valid('query');
      if (/^multipart\//i.test(c.req.header('Content-Type') ?? '')) {
        throw new ApiError(415, 'unsupported_media_type', 'send the file itself as the request body (e.g. curl --data-binary @file.csv), not a multipart form');
      }
      const declared = Number(c.req.header('Content-Length') ?? NaN);
      if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
      const file = path.join(opts.uploadDir ?? os.tmpdir(), `copaneeta-upload-${randomUUID()}`);
      try {
        const saved = await saveBody(c, file, max);
        if (!saved.ok) throw tooLarge(max);
        if (saved.bytes === 0) throw new ApiError(400, 'empty_body', 'send the file as the request body (Content-Type: text/csv or application/vnd.apache.parquet)');
        if (q.kind === 'objectives') {
          if (q.skip_invalid === 'true') throw new ApiError(400, 'invalid_parameter', 'skip_invalid: does not apply to objectives (a file is imported whole)', 'skip_invalid');
          const report = await importObjectives({
            dataDir: opts.dataDir, file, fileName: q.file_name ?? 'upload.json', body: q.body, actor: actorOf(c), dryRun: q.dry_run === 'true', maxBytes: max,
            onPublished: async () => {
              await opts.onPublished?.();
            },
          });
          return c.json(report, report.status === 'applied' ? 201 : report.status === 'dry_run' ? 200 : 422);
        }
        const kind = fileImportKind(q.kind);
        if (!kind) throw new ApiError(400, 'invalid_parameter', `kind: unknown kind ${q.kind}`, 'kind');
        const report = await kind.run({
          dataDir: opts.dataDir,
          file,
          fileName: q.file_name ?? 'upload',
          body: q.body,
          actor: actorOf(c),
          dryRun: q.dry_run === 'true',
          skipInvalid: q.skip_invalid === 'true',
          maxBytes: max,
          onPublished: async () => {
            await opts.onPublished?.();
          },
        });
        return c.json(report, report.status === 'applied' ? 201 : report.status === 'dry_run' ? 200 : 422);
      } catch (err) {
        if (err instanceof DataLockedError) throw new ApiError(409, 'import_in_progress', err.message);
        throw err;
      } finally {
        await rm(file, { force: true });
      }
    })
    .get('/imports', async (c) => c.json({ entries: await readAudit(opts.dataDir) }))
    .post('/rollback', async (c) => {
      try {
        const r = await rollback({ dataDir: opts.dataDir, actor: actorOf(c) });
        await opts.onPublished?.();
        return c.json(r);
      } catch (err) {
        if (err instanceof DataLockedError) throw new ApiError(409, 'import_in_progress', err.message);
        if (err instanceof Error && /^nothing to roll back/.test(err.message)) throw new ApiError(409, 'nothing_to_roll_back', err.message);
        throw err;
      }
    });
}
