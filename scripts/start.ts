/**
 * `npm start`: serve the production build on http://localhost:4173 (or $PORT), building it
 * first when there is none. Uses Vite's preview server in-process, so stopping this process
 * stops the server too.
 */

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { preview } from "vite";

const port = Number(process.env.PORT ?? 4173);

if (!existsSync("dist/index.html")) {
  console.log("No production build yet: building first.");
  const built = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
    stdio: "inherit",
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = await preview({ preview: { port, strictPort: true, host: "localhost" } });
server.printUrls();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
