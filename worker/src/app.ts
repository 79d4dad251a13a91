/** The API: public routes, then everything behind a bearer token, with one error shape for all failures. */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env';
import { API_HEADERS } from '../../shared/api/headers';
import { MAX_UPLOAD_BYTES } from '../../shared/api/media';
import { signedOutRefusal } from './db/guards';
import { requestClock } from './lib/clock';
import { language } from './lib/lang';
import { allowedMethods } from './lib/methods';
import { ProblemError, problemResponse } from './lib/problem';
import { auditRoutes } from './routes/audit';
import { consolidationRoutes } from './routes/consolidations';
import { meRoutes } from './routes/me';
import { periodRoutes } from './routes/periods';
import { publicRoutes } from './routes/public';
import { submissionRoutes } from './routes/submissions';
import { tokenRoutes } from './routes/tokens';
import { unitRoutes } from './routes/units';
import { peopleRoutes } from './routes/people';
import { signInRoutes } from './routes/sign-in';
import { naaSignInRoutes } from './routes/sign-in-naa';

export const API_BASE = '/api/v1';

export function createApp() {
  const api = new Hono<AppEnv>();
  api.use('*', language);
  api.use('*', requestClock);
  // Each route signs its caller in (or not) itself, from its definition in shared/api/routes.ts.
  api.route('/', publicRoutes);
  api.route('/', meRoutes);
  api.route('/', unitRoutes);
  api.route('/', submissionRoutes);
  api.route('/', consolidationRoutes);
  api.route('/', periodRoutes);
  api.route('/', tokenRoutes);
  api.route('/', auditRoutes);
  api.route('/', peopleRoutes);
  api.route('/', signInRoutes);
  api.route('/', naaSignInRoutes);

  const app = new Hono<AppEnv>();
  // Every API answer, error or not, carries the API's security headers.
  app.use(`${API_BASE}/*`, async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(API_HEADERS)) c.res.headers.set(name, value);
  });
  app.route(API_BASE, api);
  // Assets are served at their exact names (html_handling = "none"), so the bare origin needs a way in.
  app.get('/', (c) => c.redirect('/index.html', 302));
  app.notFound((c) => {
    c.set('lang', c.get('lang') ?? 'vi');
    const path = new URL(c.req.url).pathname;
    const allowed = allowedMethods(app.routes, path);
    if (allowed.length > 0) {
      const list = allowed.join(', ');
      return problemResponse(c, new ProblemError('method_not_allowed', { path, method: c.req.method, allowed: list }, { allow: list }));
    }
    return problemResponse(c, new ProblemError('not_found_path', { path }));
  });
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    // Signed out after the sign-in and before the write: nothing was written, and the answer is the sign-in's.
    const signedOut = signedOutRefusal(error);
    if (signedOut) return problemResponse(c, new ProblemError(signedOut));
    if (error instanceof HTTPException) {
      // Hono's own refusals (a body over the limit is caught by limitBody first): the status they carry decides.
      if (error.status === 413) return problemResponse(c, new ProblemError('body_too_large', { limit: MAX_UPLOAD_BYTES }));
      return problemResponse(c, new ProblemError('bad_request', { reason: error.message }));
    }
    console.error('unexpected error', c.req.method, new URL(c.req.url).pathname, error);
    return problemResponse(c, new ProblemError('internal'));
  });
  return app;
}
