import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { readIndex, writeIndex } from "../shared/build-cache.ts";
import { eachLimit } from "../shared/map-limit.ts";
import { BROTLI_SUFFIX, COMPRESSIBLE, GZIP_SUFFIX } from "../shared/media-types.ts";
import type { SiteOutput } from "../shared/site-output.ts";

/**
 * The build's last stage writes, beside every site file worth compressing, its brotli
 * (`F.br`) and gzip (`F.gz`) forms, which nginx (`brotli_static`, `gzip_static`) and
 * `npm start` send for F with F's own headers: a server then sends the same bytes to every
 * reader instead of compressing each page again for each request. Hosts that compress by
 * themselves (Netlify, Cloudflare) ignore the siblings.
 *
 * Each sibling is made once per content hash and kept in the build cache's object store, its
 * hash recorded in an index (content hash -> sibling hash), so a publish compresses only the
 * files it writes; the siblings of unchanged files are kept as they are live, or linked back
 * from the store when the site is replaced whole.
 */

/** nginx's gzip_min_length here: below it the response headers outweigh what is saved. */
const MIN_BYTES = 256;
/** A sibling is written only if it is at most this share of the file. */
const PAYS = 0.9;
/** In the index: compressing this content does not pay, so it has no sibling. */
const NONE = "-";

/**
 * Scripts and styles change only with the code and are downloaded before a page works:
 * brotli's highest quality, about a second for the main chunk, makes them some 13 % smaller
 * than gzip. Pages, API files and feeds are many and change with every publication: on the
 * seed site's pages and API files (25 KB on average), quality 11 took 26.6 ms of CPU a file
 * (18 minutes for the 40,000 of 20,000 stories) for 23.8 % of the bytes, quality 5 0.56 ms
 * for 26.4 %; quality 6 to 8 saved 0.2 % more for up to 60 % more time, 9 and 10 took 17 to
 * 19 times as long, and 4 a third less for 7 % more bytes. Quality 5 is also what nginx and
 * npm start used on the fly: no reader gets more bytes than before.
 */
const SCRIPT_QUALITY = constants.BROTLI_MAX_QUALITY;
const PAGE_QUALITY = 5;
/** gzip's highest level costs about what level 6 does on these files (0.40 against 0.37 ms). */
const GZIP_LEVEL = 9;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = { suffix: string; key: string; compress: (data: Buffer) => Promise<Buffer> };

function brotliAt(quality: number): Encoding {
  return {
    suffix: BROTLI_SUFFIX,
    key: `br${quality}`,
    compress: (data) =>
      brotli(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  };
}

const GZIP: Encoding = {
  suffix: GZIP_SUFFIX,
  key: `gz${GZIP_LEVEL}`,
  compress: (data) => gzipped(data, { level: GZIP_LEVEL }),
};
const FOR_SCRIPTS = [brotliAt(SCRIPT_QUALITY), GZIP];
const FOR_PAGES = [brotliAt(PAGE_QUALITY), GZIP];

/** The encodings `file` (a site path) gets siblings in: none if it is not text. */
export function encodingsFor(file: string): Encoding[] {
  const extension = path.posix.extname(file);
  if (!COMPRESSIBLE.has(extension)) return [];
  return extension === ".js" || extension === ".css" ? FOR_SCRIPTS : FOR_PAGES;
}

export type Precompressed = {
  /** Siblings compressed in this build (new content). */
  compressed: number;
  /** Siblings of the new site, kept, linked from the store or compressed. */
  siblings: number;
};

/**
 * Adds the siblings of every compressible file of `site` to it. `indexFile`: the cache's
 * record of what each content was compressed to (one per output folder, rewritten with the
 * entries this site uses, so it never outgrows the site).
 */
export async function precompressSite(site: SiteOutput, indexFile: string): Promise<Precompressed> {
  const known = await readIndex(indexFile);
  const used = new Map<string, string>();
  const files = [...(await site.siteFiles())];
  let compressed = 0;
  let siblings = 0;
  // Compression runs on libuv's thread pool (four threads), so a few files are compressed at
  // once while this thread reads and files the next.
  await eachLimit(files, 8, async ([file, hash]) => {
    const missing: Encoding[] = [];
    for (const encoding of encodingsFor(file)) {
      const key = `${hash}.${encoding.key}`;
      const sibling = known.get(key);
      if (sibling === NONE || (sibling && site.place(sibling, `${file}${encoding.suffix}`))) {
        used.set(key, sibling);
        if (sibling !== NONE) siblings++;
      } else missing.push(encoding);
    }
    if (missing.length === 0) return;
    const data = site.readBytes(file);
    await Promise.all(
      missing.map(async (encoding) => {
        const key = `${hash}.${encoding.key}`;
        const smaller = data.length >= MIN_BYTES ? await encoding.compress(data) : undefined;
        if (!smaller || smaller.length > data.length * PAYS) {
          used.set(key, NONE);
          return;
        }
        used.set(key, site.put(`${file}${encoding.suffix}`, smaller));
        compressed++;
        siblings++;
      }),
    );
  });
  await writeIndex(indexFile, used);
  return { compressed, siblings };
}
