/**
 * `npm start`: builds what is missing (data, web), then serves the dashboard and the API.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await ensureBuilt(root);
await import('../server/index.ts');
