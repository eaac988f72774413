/**
 * The cluster demo's load balancer: a TCP proxy on node:net. Each new connection goes to the
 * next backend in turn, skipping those that refuse it (or do not accept within a second); its
 * bytes then pass untouched both ways, so the page, its script and WebSocket upgrades alike
 * reach a node as if the browser had connected to it. There is no stickiness: a client that
 * reconnects lands on whichever node is next, and Tether's resume does the rest.
 */
import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";

export interface Backend {
  readonly host: string;
  readonly port: number;
}

const CONNECT_TIMEOUT_MS = 1000;

export class RoundRobinProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private turn = 0;

  /** `backends` is asked for each new connection: the nodes that are up now. */
  constructor(private readonly backends: () => readonly Backend[]) {
    this.server = createServer({ pauseOnConnect: true }, (client) => this.accept(client));
  }

  /** Listens on `host:port` (0 = any free port); resolves with the port, rejects on EADDRINUSE and the like. */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops listening and cuts every connection it carries. */
  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
  }

  private accept(client: Socket): void {
    this.track(client);
    client.on("error", () => client.destroy());
    const list = this.backends();
    const first = this.turn++;
    const attempt = (i: number): void => {
      const backend = list[(first + i) % list.length];
      if (client.destroyed) return;
      if (i >= list.length || backend === undefined) {
        client.destroy(); // nobody takes it: the client sees a reset and tries again
        return;
      }
      const upstream = connect({ host: backend.host, port: backend.port });
      this.track(upstream);
      const refused = () => {
        upstream.destroy();
        attempt(i + 1);
      };
      upstream.setTimeout(CONNECT_TIMEOUT_MS, refused);
      upstream.once("error", refused);
      upstream.once("connect", () => {
        upstream.setTimeout(0);
        upstream.off("error", refused);
        if (client.destroyed) upstream.destroy();
        else this.splice(client, upstream);
      });
    };
    attempt(0);
  }

  /** Both ways, untouched; either side's end or error ends the other. */
  private splice(client: Socket, upstream: Socket): void {
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    upstream.once("close", () => client.end());
    client.once("close", () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  }
}
