/**
 * A round-robin TCP load balancer on 127.0.0.1, without stickiness: each new connection goes to
 * the next node in its list (a node refusing the connection is skipped). Tests take a node out of
 * the list before draining it, as a load balancer's health check would, and put its successor in.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * Joins two sockets both ways until either closes; both stay in `open` while they live (so a
 * test can cut them all).
 */
export function splice(client: Socket, upstream: Socket, open: Set<Socket>): void {
  for (const s of [client, upstream]) {
    open.add(s);
    s.on("close", () => open.delete(s));
    s.on("error", () => {});
  }
  client.pipe(upstream);
  upstream.pipe(client);
  client.on("close", () => upstream.destroy());
  upstream.on("close", () => client.destroy());
}

export class Balancer {
  private next = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    /** The nodes' ports, in turn. */
    readonly targets: number[],
  ) {}

  static async start(targets: number[] = []): Promise<Balancer> {
    let balancer: Balancer | undefined;
    const server = createServer((client) => (balancer as Balancer).route(client, 0));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    balancer = new Balancer(server, address.port, targets);
    return balancer;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/ws`;
  }

  private route(client: Socket, tried: number): void {
    if (this.targets.length === 0 || tried >= this.targets.length) {
      client.destroy();
      return;
    }
    const port = this.targets[this.next++ % this.targets.length] as number;
    const upstream = connect(port, "127.0.0.1");
    upstream.once("error", () => {
      if (!upstream.readyState.startsWith("open")) this.route(client, tried + 1); // refused: the next node
    });
    upstream.once("connect", () => splice(client, upstream, this.sockets));
    client.on("error", () => {});
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
