/**
 * Excel loads add-ins over HTTPS only. In development a small HTTPS front, with the certificates
 * office-addin-dev-certs makes and trusts, forwards every request to the local worker, so the
 * task pane and the API still share one origin.
 */
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface HttpsFront {
  /** 'trusted' when the development CA is installed, 'untrusted' when only the certificate exists, false without one. */
  trust: 'trusted' | 'untrusted' | false;
  server: Server | null;
  /** What office-addin-dev-certs said (in English), for `--verbose`. */
  detail: string;
}

/** Runs `work` with the library's own console lines caught, so they do not break into the program's output. */
async function quietly<T>(work: () => Promise<T>, lines: string[]): Promise<T> {
  const { log, info, warn, error } = console;
  console.log = console.info = console.warn = console.error = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  try {
    return await work();
  } finally {
    Object.assign(console, { log, info, warn, error });
  }
}

export async function startHttpsFront(port: number, target: string): Promise<HttpsFront> {
  let options: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer };
  let trust: 'trusted' | 'untrusted' = 'trusted';
  const dir = join(homedir(), '.office-addin-dev-certs');
  const said: string[] = [];
  try {
    options = await quietly(async () => (await import('office-addin-dev-certs')).getHttpsServerOptions(), said);
  } catch (e) {
    said.push((e as Error).message);
    // Installing the CA needs administrator rights; the certificate itself may still have been made.
    if (!existsSync(join(dir, 'localhost.crt'))) return { trust: false, server: null, detail: said.join('\n') };
    options = { key: readFileSync(join(dir, 'localhost.key')), cert: readFileSync(join(dir, 'localhost.crt')) };
    trust = 'untrusted';
  }
  const upstream = new URL(target);
  const server = createHttpsServer(options, (req, res) => {
    const proxied = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    proxied.on('error', (e) => {
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Máy chủ chitieu chưa sẵn sàng: ${e.message}`);
    });
    req.pipe(proxied);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => resolve());
  });
  return { trust, server, detail: said.join('\n') };
}
