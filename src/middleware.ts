// Every page's HTML, once, at build time: text in the other language than its surroundings gets its lang
// (src/site/lang-runs.ts), and the page gets a Content-Security-Policy that lets only the build's own scripts run
// (src/site/csp.ts). Both read one parse of the page (src/site/html-edits.ts): parsing is most of their cost. The dev
// server serves its scripts from elsewhere and keeps the layout's looser policy.
import { defineMiddleware } from 'astro:middleware';
import { languageEdits } from './site/lang-runs.ts';
import { policyEdits } from './site/csp.ts';
import { applyEdits, parsePage } from './site/html-edits.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const page = parsePage(await response.text());
  const edits = languageEdits(page);
  if (import.meta.env.PROD) edits.push(...policyEdits(page, `${import.meta.env.BASE_URL}_astro/`, context.url.pathname).edits);
  return new Response(applyEdits(page.html, edits), { status: response.status, headers: response.headers });
});
