// Every page's HTML, once, at build time: text in the other language than its surroundings gets its lang
// (src/site/lang-runs.ts).
import { defineMiddleware } from 'astro:middleware';
import { markLanguageRuns } from './site/lang-runs.ts';

export const onRequest = defineMiddleware(async (_, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(markLanguageRuns(await response.text()), { status: response.status, headers: response.headers });
});
