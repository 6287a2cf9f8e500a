// A file written whole and flushed to disk before anyone links or renames it into place:
// the key and the checkpoints are each written under a temporary name this way.

import { open } from 'node:fs/promises';

/** Creates `file` (failing if it exists) with `mode`, writes `content` and syncs it. */
export async function writeNewFileSynced(file: string, content: string, mode: number) {
  const handle = await open(file, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
