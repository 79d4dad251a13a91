/**
 * Excel loads add-ins over HTTPS only. In development a small HTTPS front, with the certificates
 * office-addin-dev-certs makes and trusts, forwards every request to the local worker, so the
 * task pane and the API still share one origin.
 */
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** 'trusted' when the development CA is installed, 'untrusted' when only the certificate exists, false without one. */
export async function startHttpsFront(port: number, target: string): Promise<'trusted' | 'untrusted' | false> {
  let options: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer };
  let trust: 'trusted' | 'untrusted' = 'trusted';
  const dir = join(homedir(), '.office-addin-dev-certs');
  try {
    const devCerts = await import('office-addin-dev-certs');
    options = await devCerts.getHttpsServerOptions();
  } catch (e) {
    // Installing the CA needs sudo; the certificate itself may still have been made.
    if (!existsSync(join(dir, 'localhost.crt'))) {
      process.stderr.write(`  (Không tạo được chứng chỉ HTTPS cho localhost: ${(e as Error).message.split('\n')[0]})\n`);
      return false;
    }
    process.stderr.write(`  (Chưa cài được CA phát triển vào kho tin cậy: ${(e as Error).message.split('\n')[0]}; chạy "npx office-addin-dev-certs install" với quyền quản trị.)\n`);
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
  return trust;
}

