import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './local-worker';
import { portFromEnv, portInUse, portsProblem } from './ports';

let busy: Server;
let busyPort: number;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

describe('the ports of npm start', () => {
  it('come from PORT and HTTPS_PORT, or their defaults; anything else is refused in Vietnamese', () => {
    expect(portFromEnv('PORT', 8787, {})).toBe(8787);
    expect(portFromEnv('HTTPS_PORT', 3000, { HTTPS_PORT: '3443' })).toBe(3443);
    for (const bad of ['abc', '0', '70000', '80.5', '-1']) expect(() => portFromEnv('PORT', 8787, { PORT: bad })).toThrow(`PORT=${bad} không phải số cổng`);
  });

  it('tells a port in use from a free one', async () => {
    expect(await portInUse(busyPort, '127.0.0.1')).toBe(true);
    expect(await portInUse(await freePort(), '127.0.0.1')).toBe(false);
  });

  it('answers a clash with the port, the variable and a command that works', async () => {
    const free = await freePort();
    expect(await portsProblem([{ name: 'PORT', port: free, host: '127.0.0.1' }])).toBeNull();
    const problem = await portsProblem([
      { name: 'PORT', port: free, host: '127.0.0.1' },
      { name: 'HTTPS_PORT', port: busyPort, host: '127.0.0.1' },
    ]);
    expect(problem).toBe(`Cổng ${busyPort} (HTTPS_PORT) đang bị một chương trình khác dùng, có thể là một "npm start" khác đang chạy. Dừng chương trình đó, hoặc chạy trên cổng khác: HTTPS_PORT=${busyPort + 1} npm start`);
  });
});
