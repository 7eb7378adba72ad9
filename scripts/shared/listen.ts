import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Listening = { origin: string; close: () => Promise<void> };

/** Starts a server on `port` (0: any free port) and resolves once it accepts connections. */
export async function listen(server: Server, port = 0, host = "localhost"): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A kept-alive connection with no request in flight would hold the close for seconds.
        server.closeIdleConnections();
      }),
  };
}
