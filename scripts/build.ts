/** `npm run build`: the add-in's files into dist/addin, served by the worker as static assets. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './lib/d1';

await mkdir(join(ROOT, 'dist', 'addin'), { recursive: true });
