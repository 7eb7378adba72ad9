import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";
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
 *
 * Pages are compressed by the prerendering threads as each is rendered (compressPage, called
 * by scripts/prerender/prerender-worker.ts), while the page is in memory and the build's own
 * thread still makes the API: they are most of the work (a synthetic story page is 44 KB, half
 * of it the inline stylesheet, an API file 5 KB; pages were 70 % of the compression's CPU at
 * 3,000 stories), and this stage only adds what the threads made to the index.
 */

/** nginx's gzip_min_length here: below it the response headers outweigh what is saved. */
const MIN_BYTES = 256;
/** A sibling is written only if it is at most this share of the file. */
const PAYS = 0.9;
/** In the index: compressing this content does not pay, so it has no sibling. */
export const NONE = "-";

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
/**
 * gzip is for the few clients that send no `br` (browsers send it over HTTPS): scripts and
 * styles at its highest level, pages and the rest at 4. On 400 synthetic story pages (44 KB,
 * half of it the inline stylesheet; best of 7 runs of each on a busy machine), level 9 took
 * 0.70 ms of CPU a page for 25.7 % of the bytes, 6 0.68 ms for 25.7 %, 5 0.59 ms for 25.8 %,
 * 4 0.49 ms for 26.4 % and 3 0.33 ms for 27.7 % (brotli 5: 0.94 ms for 24.0 %, 4 0.63 ms for
 * 25.8 %): with brotli 5, gzip was 43 % of the precompression of a page.
 */
const SCRIPT_GZIP_LEVEL = 9;
const PAGE_GZIP_LEVEL = 4;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** `compress` on libuv's thread pool, `compressSync` on the calling thread (a prerendering one). */
type Encoding = {
  suffix: string;
  key: string;
  compress: (data: Buffer) => Promise<Buffer>;
  compressSync: (data: Buffer) => Buffer;
};

function brotliAt(quality: number): Encoding {
  const options = (data: Buffer) => ({
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  return {
    suffix: BROTLI_SUFFIX,
    key: `br${quality}`,
    compress: (data) => brotli(data, options(data)),
    compressSync: (data) => brotliCompressSync(data, options(data)),
  };
}

function gzipAt(level: number): Encoding {
  return {
    suffix: GZIP_SUFFIX,
    key: `gz${level}`,
    compress: (data) => gzipped(data, { level }),
    compressSync: (data) => gzipSync(data, { level }),
  };
}

const FOR_SCRIPTS = [brotliAt(SCRIPT_QUALITY), gzipAt(SCRIPT_GZIP_LEVEL)];
const FOR_PAGES = [brotliAt(PAGE_QUALITY), gzipAt(PAGE_GZIP_LEVEL)];

/** The encodings `file` (a site path) gets siblings in: none if it is not text. */
export function encodingsFor(file: string): Encoding[] {
  const extension = path.posix.extname(file);
  if (!COMPRESSIBLE.has(extension)) return [];
  return extension === ".js" || extension === ".css" ? FOR_SCRIPTS : FOR_PAGES;
}

/** The index's key for the sibling of the content `hash` in `encoding`. */
const indexKey = (hash: string, encoding: Encoding) => `${hash}.${encoding.key}`;

/** Whether a sibling of `data` is worth writing: big enough to compress, and much smaller. */
const pays = (data: Buffer, smaller: Buffer) => smaller.length <= data.length * PAYS;

/**
 * A sibling made by a prerendering thread: its site path, its index key, and its stored
 * object's hash (or NONE: not worth one). Sent back with the thread's pages.
 */
export type MadeSibling = [file: string, key: string, hash: string];

/**
 * Compresses a page a prerendering thread has just rendered (`hash`: its content's) and puts
 * each sibling worth it into `put` (the thread's object store, writing into staging).
 */
export function compressPage(
  file: string,
  data: Buffer,
  hash: string,
  put: (file: string, data: Buffer) => string,
): MadeSibling[] {
  return encodingsFor(file).map((encoding) => {
    const sibling = `${file}${encoding.suffix}`;
    const smaller = data.length >= MIN_BYTES ? encoding.compressSync(data) : undefined;
    const stored = smaller && pays(data, smaller) ? put(sibling, smaller) : NONE;
    return [sibling, indexKey(hash, encoding), stored];
  });
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
 * entries this site uses, so it never outgrows the site). `made`: the siblings the
 * prerendering threads made and the site has recorded already.
 */
export async function precompressSite(
  site: SiteOutput,
  indexFile: string,
  made: readonly MadeSibling[] = [],
): Promise<Precompressed> {
  const known = await readIndex(indexFile);
  const used = new Map<string, string>();
  let compressed = 0;
  let siblings = 0;
  const done = new Set<string>();
  for (const [file, key, hash] of made) {
    used.set(key, hash);
    done.add(file);
    if (hash !== NONE) {
      compressed++;
      siblings++;
    }
  }
  const files = [...(await site.siteFiles())];
  // Compression runs on libuv's thread pool (four threads), so a few files are compressed at
  // once while this thread reads and files the next.
  await eachLimit(files, 8, async ([file, hash]) => {
    const missing: Encoding[] = [];
    for (const encoding of encodingsFor(file)) {
      if (done.has(`${file}${encoding.suffix}`)) continue;
      const key = indexKey(hash, encoding);
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
        const key = indexKey(hash, encoding);
        const smaller = data.length >= MIN_BYTES ? await encoding.compress(data) : undefined;
        if (!smaller || !pays(data, smaller)) {
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
