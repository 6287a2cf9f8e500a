// The running release's version, as package.json states it: what a backup records as the
// release that wrote it.

import { readFileSync } from 'node:fs';

export const RELEASE: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
