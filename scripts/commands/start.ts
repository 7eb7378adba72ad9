// npm run start: serves the build on port 4173 ($PORT), building it first if there is none
/**
 * `npm start`: serve the production build (dist/, or $DIST_DIR) on http://localhost:4173 (or
 * $PORT) the way a static host would, building it first when there is none.
 */
import path from "node:path";
import { ensureBuild } from "../hosting/ensure-build.ts";
import { createStaticServer } from "../hosting/static-server.ts";
import { listen } from "../shared/listen.ts";

const port = Number(process.env.PORT ?? 4173);
const root = path.resolve(process.env.DIST_DIR ?? "dist");
ensureBuild(root);

const { origin, close } = await listen(await createStaticServer(root), port);
console.log(
  `Dispatch is being served from ${path.relative(process.cwd(), root) || "."}/ on ${origin}/`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => close().then(() => process.exit(0)));
}
