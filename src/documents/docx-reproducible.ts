// The same document, the same bytes: docx stamps the time of packing into the zip and into
// docProps/core.xml; both are set to the document's own date here.

import { type Zippable, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * `docx` writes the time of packing into docProps/core.xml and into every zip entry. Both
 * become the document's own day (asOf, 00:00 UTC), and the entries keep the order `docx`
 * gave them, so that the same document always zips to the same bytes.
 */
export function reproducible(packed: Buffer, asOf: string): Buffer {
  const entries = unzipSync(new Uint8Array(packed));
  const stamp = `${asOf}T00:00:00Z`;
  // The zip's DOS timestamps hold local time: a date built from local parts writes asOf
  // whatever the host's time zone.
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    const content =
      name === 'docProps/core.xml'
        ? strToU8(
            strFromU8(data).replace(
              /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
              `$1${stamp}$3`,
            ),
          )
        : data;
    files[name] = [content, { mtime }];
  }
  return Buffer.from(zipSync(files, { level: 6 }));
}
