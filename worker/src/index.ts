import { createApp } from './app';
import type { Env } from './env';
import { fetchMetered, meterAsked } from './lib/d1-meter';

const app = createApp();

export default {
  fetch: (request, env, ctx) => (meterAsked(request, env) ? fetchMetered(app.fetch, request, env, ctx) : app.fetch(request, env, ctx)),
} satisfies ExportedHandler<Env>;
