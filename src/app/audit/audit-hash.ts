// The audit chain's hash: SM3 (GB/T 32905) from node:crypto, hex digest of the UTF-8 text.

import { createHash } from 'node:crypto';

export const sm3 = (text: string): string => createHash('sm3').update(text, 'utf8').digest('hex');
