/**
 * Security headers, one list for the add-in's pages (written into the assets' `_headers` file by
 * the build) and one for API answers (set by the worker).
 *
 * The task pane is framed by Excel on the web (officeapps.live.com, office.com, sharepoint.com and
 * cloud.microsoft hosts); Excel for Windows and for Mac load it as a top-level page of their web
 * view, where `frame-ancestors` does not apply. Office.js comes from Microsoft's CDN. Styles may be
 * inline because Fluent UI's components fall back to <style> elements in older Mac web views.
 */
export const OFFICE_SCRIPT_ORIGIN = 'https://appsforoffice.microsoft.com';
/** Microsoft Entra's sign-in, which MSAL reaches from the pane where Office on the web runs the Microsoft 365 sign-in itself. */
export const MICROSOFT_SIGN_IN_ORIGIN = 'https://login.microsoftonline.com';
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.sharepoint.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
] as const;

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_SCRIPT_ORIGIN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${OFFICE_SCRIPT_ORIGIN} ${MICROSOFT_SIGN_IN_ORIGIN}`,
    `frame-src 'self' ${MICROSOFT_SIGN_IN_ORIGIN} ${OFFICE_FRAME_ANCESTORS.join(' ')}`,
    `frame-ancestors 'self' ${OFFICE_FRAME_ANCESTORS.join(' ')}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** API answers are data for the caller alone: never cached, never framed, never sniffed. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Script chunks are named by their content's hash: a name never serves other bytes, so caches keep them. */
export const CHUNK_HEADERS: Readonly<Record<string, string>> = { 'Cache-Control': 'public, max-age=31536000, immutable' };

/** The `_headers` file of Workers static assets: every page and file gets the page headers, chunks are cached for good. */
export function assetsHeadersFile(): string {
  const rule = (path: string, headers: Readonly<Record<string, string>>) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)];
  return [...rule('/*', PAGE_HEADERS), ...rule('/chunks/*', CHUNK_HEADERS), ''].join('\n');
}
