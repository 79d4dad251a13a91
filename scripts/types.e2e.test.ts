/** The worker's `Env` is generated from wrangler.toml: a change of bindings without `npm run types` fails here. */
import { describe, expect, it } from 'vitest';
import { run, wranglerBin } from './lib/d1';

describe('worker-configuration.d.ts', () => {
  it('is what `wrangler types` makes of wrangler.toml today', async () => {
    const r = await run(wranglerBin(), ['types', 'worker/worker-configuration.d.ts', '--check'], { quiet: true });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
