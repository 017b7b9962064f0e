/**
 * Request validation: zod schemas shared by the routes (and by the OpenAPI document), and a
 * `zValidator` wrapper whose failures answer the API's JSON error shape (400, naming the
 * parameter).
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z } from 'zod';
import { zodErrorBody } from './errors.ts';
import { LEVELS, SCHOOL_TYPES, SECTORS } from './indicators/catalog.ts';

/** `zValidator` answering `{ error: { code, message, param } }` with 400 on failure. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result, c) => {
    if (!result.success) return c.json(zodErrorBody(result.error as unknown as z.ZodError), 400);
  });

export const levelSchema = z
  .enum(LEVELS, { error: () => `must be one of ${LEVELS.join(', ')}` })
  .describe('territorial level');

export const indicatorIdSchema = z
  .string()
  .max(64, 'at most 64 characters')
  .regex(/^[a-z0-9_]+$/, 'an indicator id: lower-case letters, digits and _')
  .describe('indicator id, see /api/indicators');

export const yearSchema = z
  .string()
  .regex(/^\d{4}$/, 'a 4-digit year')
  .transform(Number)
  .describe('school year N (rentrée N to N+1); default: the latest the indicator has');

const CODE = '[0-9][0-9AB][0-9]{0,3}';

/** `within=<level>:<code>` for a parent above the requested level, e.g. `departement:63`. */
export const withinSchema = z
  .string()
  .max(40, 'at most 40 characters')
  .regex(new RegExp(`^(region|academie|departement):${CODE}$`), 'as <level>:<code>, e.g. departement:63')
  .describe('parent territory as <level>:<code>, e.g. departement:63, academie:06, region:84');

/** A territory of any level as `<level>:<code>`, e.g. `commune:63113`. */
export const territoryRefSchema = z
  .string()
  .max(40, 'at most 40 characters')
  .regex(new RegExp(`^(region|academie|departement|commune):${CODE}$`), 'as <level>:<code>, e.g. commune:63113')
  .describe('territory as <level>:<code>, e.g. departement:15, commune:63113');

export const schoolTypeSchema = z
  .enum(SCHOOL_TYPES, { error: () => `must be one of ${SCHOOL_TYPES.join(', ')}` })
  .describe('only schools of this type: ecole (communes run them), college (départements), lycee (régions)');

export const sectorSchema = z
  .enum(SECTORS, { error: () => `must be one of ${SECTORS.join(', ')}` })
  .describe('only public schools or private schools under contract');

/** The query of a map-like selection (map, export). */
export const selectionQuery = z.object({
  indicator: indicatorIdSchema,
  level: levelSchema,
  year: yearSchema.optional(),
  within: withinSchema.optional(),
  school_type: schoolTypeSchema.optional(),
  sector: sectorSchema.optional(),
});
