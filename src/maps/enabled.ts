// MAPS=0 builds the site without its maps: what `npm run bench` compares the build time against.
export const mapsEnabled = (env: Record<string, string | undefined> = process.env): boolean => env.MAPS !== '0';
