/** The ports `npm start` listens on: read from the environment, and checked free before anything starts. */
import { createServer } from 'node:net';

export type PortName = 'PORT' | 'HTTPS_PORT' | 'OIDC_PORT';

/** The port an environment variable names, or its default; anything but a port number is refused in words. */
export function portFromEnv(name: PortName, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new Error(`${name}=${text.slice(0, 20)} không phải số cổng (1–65535), ví dụ ${name}=${fallback + 1}.`);
  return port;
}

/** Whether something already listens on the port (another `npm start`, another server). */
export function portInUse(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EADDRINUSE' || e.code === 'EACCES'));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}

/** What to do when the port is taken: which port, which variable, and a command that works. */
export function portClash(name: PortName, port: number): string {
  return `Cổng ${port} (${name}) đang bị một chương trình khác dùng, có thể là một "npm start" khác đang chạy. Dừng chương trình đó, hoặc chạy trên cổng khác: ${name}=${port + 1} npm start`;
}

/** The first clash among the ports, in words, or null when all are free. */
export async function portsProblem(ports: readonly { name: PortName; port: number; host: string }[]): Promise<string | null> {
  for (const p of ports) if (await portInUse(p.port, p.host)) return portClash(p.name, p.port);
  return null;
}
