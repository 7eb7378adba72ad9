// npm run bench:first-press: the first press on a throttled phone, against $DIST_DIR
/**
 * `npm run bench:first-press`: just the "first press on a throttled phone" table of
 * `npm run bench`, against the build in $DIST_DIR (default dist/; `npm run build` first).
 * Point DIST_DIR at another build to compare, e.g. one of an older commit.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { benchArgs } from "../bench/bench-args.ts";
import { firstPressTable, firstPressTimings } from "../bench/first-press.ts";
import { createStaticServer } from "../hosting/static-server.ts";
import { listen } from "../shared/listen.ts";

// No options: what it measures is set by DIST_DIR and CHROME_PATH.
benchArgs("bench:first-press", {});
const root = path.resolve(process.env.DIST_DIR ?? "dist");
if (!existsSync(path.join(root, "index.html"))) {
  console.error(`No production build in ${root}: run npm run build first (or set DIST_DIR).`);
  process.exit(1);
}

const site = await listen(await createStaticServer(root));
try {
  const result = await firstPressTimings(site.origin, {
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  });
  console.log(`\n${root}\n\n${firstPressTable(result)}`);
} finally {
  await site.close();
}
