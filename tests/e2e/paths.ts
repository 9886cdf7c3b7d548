import { join } from 'node:path';

export const BASE_PATH = '/bureau-atlas/';
export const DIST = join(process.cwd(), 'test-results', 'site');
export const SITE_URL = 'http://127.0.0.1:4399';
