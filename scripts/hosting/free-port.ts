import { createServer } from "node:net";

/** A port of `host` that nothing listens on now (the system picks it). */
export async function freePort(host = "localhost"): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}
