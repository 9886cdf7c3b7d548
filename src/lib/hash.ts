// Content hashes: a snapshot's sha256 in report.json proves which text a report's figures were read from.
import { createHash } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
