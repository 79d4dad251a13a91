/** A closed period's file as served: its stored bytes, its close version, and its SHA-256 as ETag. */
import type { Context } from 'hono';
import type { StoredFile } from '../db/closing';
import type { AppEnv } from '../env';

export const CLOSED_VERSION_HEADER = 'chitieu-closed-version';
/** Set on live figures of a closed period (`?live=true`): they are not what was closed. */
export const LIVE_HEADER = 'chitieu-live';

export function closedResponse(c: Context<AppEnv>, file: StoredFile, contentType: string, filename?: string): Response {
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    'content-type': contentType,
    etag,
    [CLOSED_VERSION_HEADER]: String(file.version),
    // Closed files are the Vietnamese ones sent upward, whatever language the request asked for.
    'content-language': 'vi',
  };
  if (filename) headers['content-disposition'] = `attachment; filename="${filename}"`;
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(file.bytes, { headers });
}

/** Marks a live answer of a closed period as live. */
export function markedLive(response: Response): Response {
  response.headers.set(LIVE_HEADER, 'true');
  return response;
}
