// Builds the Pagefind search index of dist/ (Chinese and English pages get an index each, by their lang).
import { createIndex, close } from 'pagefind';

const site = process.env.DIST_DIR ?? 'dist';
const started = performance.now();
const { index, errors } = await createIndex({ forceLanguage: undefined });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: site });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await close();
console.log(`search index: ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
