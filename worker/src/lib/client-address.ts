/**
 * The address failed sign-ins are counted against. On Cloudflare the edge sets `CF-Connecting-IP`
 * on every request, overwriting whatever the client sent, so there it names the client. A local
 * `wrangler dev` passes a client's own `CF-Connecting-IP` through untouched, so on a loopback host
 * the header is ignored and every caller shares one bucket: no header a client picks buys more guesses.
 */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

export function signInBucket(request: Request): string {
  const host = new URL(request.url).hostname;
  if (LOOPBACK.test(host)) return 'local';
  return request.headers.get('cf-connecting-ip') ?? 'unknown';
}
