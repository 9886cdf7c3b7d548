// The HTTP headers a host should send with the built site, as a `_headers` file (the format Netlify and Cloudflare
// Pages read; GitHub Pages sends its own and ignores it). A <meta> policy cannot say who may frame a page, and
// cannot stop a browser from sniffing a data file into a script or a page: these can only be headers.
//
// Embed pages (any folder named `embed`) may be framed by any site; every other page by none. Hosts merge the headers
// of every rule that matches a path, so the framing rules name folders that never overlap an embed folder.

import { readdirSync } from 'node:fs';

export type Entry = { name: string; folder: boolean; children?: Entry[] };

/** The built site's tree under `dir`, as hostHeaders reads it. */
export const siteEntries = (dir: string): Entry[] =>
  readdirSync(dir, { withFileTypes: true }).map((e) =>
    e.isDirectory() ? { name: e.name, folder: true, children: siteEntries(`${dir}/${e.name}`) } : { name: e.name, folder: false },
  );

const EVERY_FILE = ['X-Content-Type-Options: nosniff', 'Referrer-Policy: no-referrer'];
const NOT_FRAMED = "Content-Security-Policy: frame-ancestors 'none'";
const EMBEDDABLE = 'Content-Security-Policy: frame-ancestors *';
// Data files and chart images opened on their own: nothing in them may run or load.
const INERT = "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
const DATA_FOLDERS = new Set(['data', 'charts']);

const holds = (entry: Entry, test: (e: Entry) => boolean): boolean => test(entry) || (entry.children ?? []).some((c) => holds(c, test));
const isEmbed = (e: Entry) => e.folder && e.name === 'embed';
const isPage = (e: Entry) => !e.folder && e.name.endsWith('.html');

/** The `_headers` file for a site whose top level is `entries`, served under `base` (ending in "/"). */
export function hostHeaders(entries: Entry[], base: string): string {
  const rules: [string, string[]][] = [[`${base}*`, EVERY_FILE]];
  // Pages: not framed, except embeds; a folder gets one rule for all it holds unless an embed lies inside it.
  const pages = (at: string, list: Entry[]) => {
    for (const entry of list) {
      const path = `${at}${entry.name}`;
      if (!entry.folder) {
        if (isPage(entry)) rules.push([path, [NOT_FRAMED]]);
      } else if (at === base && DATA_FOLDERS.has(entry.name)) {
        if (holds(entry, isPage)) data(`${path}/`, entry.children ?? []);
        else rules.push([`${path}/*`, [INERT]]);
      } else if (isEmbed(entry)) rules.push([`${path}/*`, [EMBEDDABLE]]);
      else if (holds(entry, isEmbed)) {
        rules.push([`${path}/`, [NOT_FRAMED]]);
        pages(`${path}/`, entry.children ?? []);
      } else rules.push([`${path}/*`, [NOT_FRAMED]]);
    }
  };
  // Data files: inert; a folder that also holds pages (the data page, the explorer) is named file by file.
  const data = (at: string, list: Entry[]) => {
    if (list.some(isPage)) rules.push([at, [NOT_FRAMED]]);
    for (const entry of list) {
      const path = `${at}${entry.name}`;
      if (isPage(entry)) rules.push([path, [NOT_FRAMED]]);
      else if (!entry.folder) rules.push([path, [INERT]]);
      else if (isEmbed(entry)) rules.push([`${path}/*`, [EMBEDDABLE]]);
      else if (holds(entry, isPage)) data(`${path}/`, entry.children ?? []);
      else rules.push([`${path}/*`, [INERT]]);
    }
  };
  rules.push([base, [NOT_FRAMED]]);
  pages(base, entries);
  return [
    '# Written by the build (src/site/host-headers.ts) for hosts that read _headers; see README, "Security headers".',
    ...rules.map(([path, headers]) => [path, ...headers.map((h) => `  ${h}`)].join('\n')),
    '',
  ].join('\n');
}
