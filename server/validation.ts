/**
 * Request validation: zod schemas shared by the routes, and a `zValidator` wrapper whose
 * failures answer the API's JSON error shape (400, naming the parameter).
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z } from 'zod';
import { zodErrorBody } from './errors.ts';
import { LEVELS } from './indicators/catalog.ts';

/** `zValidator` answering `{ error: { code, message, param } }` with 400 on failure. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result, c) => {
    if (!result.success) return c.json(zodErrorBody(result.error as unknown as z.ZodError), 400);
  });

export const levelSchema = z.enum(LEVELS, { error: () => `must be one of ${LEVELS.join(', ')}` });

export const indicatorIdSchema = z
  .string()
  .max(64, 'at most 64 characters')
  .regex(/^[a-z0-9_]+$/, 'an indicator id: lower-case letters, digits and _');

export const yearSchema = z
  .string()
  .regex(/^\d{4}$/, 'a 4-digit year')
  .transform(Number);

/** `within=<level>:<code>`, e.g. `departement:63`, `academie:06`, `region:84`. */
export const withinSchema = z
  .string()
  .max(40, 'at most 40 characters')
  .regex(/^(region|academie|departement):[0-9AB]{2,3}$/, 'as <level>:<code>, e.g. departement:63');
