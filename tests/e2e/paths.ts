import { join } from 'node:path';

export const BASE_PATH = '/bureau-atlas/';
export const DIST = join(process.cwd(), 'test-results', 'site');
