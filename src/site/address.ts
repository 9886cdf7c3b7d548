// The site's absolute address of a page or file. It is known only where the build is told where the site is served
// (SITE_URL, set by the deploy workflow from the repository); a build without it links relatively and cites no
// address, rather than publishing one that points at the builder's own machine.

/** `path` (already under the base path) on the configured site, or null when no address is configured. */
export function siteAddress(path: string, site: URL | undefined): string | null {
  return site ? new URL(path, site).href : null;
}
