// A worker thread cannot start on a TypeScript file; this registers tsx, then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./workbook-thread.ts');
