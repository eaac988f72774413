/**
 * A TCP proxy on 127.0.0.1 in front of a Redis, for one node: `cut()` severs that node from
 * Redis (open connections are destroyed and new ones refused) while others keep theirs;
 * `restore()` lets it connect again. A network partition, without touching the server.
 */
import { connect, createServer, type Server, type Socket } from "node:net";
import { splice } from "@tether/testkit";

export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private severed = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = createServer((client) => {
      const p = proxy as TcpProxy;
      if (p.severed) {
        client.destroy();
        return;
      }
      splice(client, connect(targetPort, "127.0.0.1"), p.sockets);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    proxy = new TcpProxy(server, address.port);
    return proxy;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  cut(): void {
    this.severed = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.severed = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
