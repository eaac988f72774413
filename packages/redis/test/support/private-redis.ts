/**
 * A redis-server of a test's own, on a free port, that the test can stop and start again (the
 * outage tests). Keeps nothing on disk.
 */
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { freePort, spawnRedisServer } from "./redis-process.js";

export class PrivateRedis {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort());
    await r.resume();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again, unless it runs); resolves when it accepts connections. */
  async resume(): Promise<void> {
    if (this.child !== undefined && this.child.exitCode === null) return;
    this.child = await spawnRedisServer(this.port);
  }

  /** Stops the server at once (SIGKILL); resolves when it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null) return;
    child.kill("SIGKILL");
    await once(child, "exit");
  }
}
