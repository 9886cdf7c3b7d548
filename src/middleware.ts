// Every page's HTML, once, at build time: text in the other language than its surroundings gets its lang
// (src/site/lang-runs.ts), and the page gets a Content-Security-Policy that lets only the build's own scripts run
// (src/site/csp.ts). The dev server serves its scripts from elsewhere and keeps the layout's looser policy.
import { defineMiddleware } from 'astro:middleware';
import { markLanguageRuns } from './site/lang-runs.ts';
import { strictPagePolicy } from './site/csp.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  let html = markLanguageRuns(await response.text());
  if (import.meta.env.PROD) html = strictPagePolicy(html, `${import.meta.env.BASE_URL}_astro/`, context.url.pathname).html;
  return new Response(html, { status: response.status, headers: response.headers });
});
