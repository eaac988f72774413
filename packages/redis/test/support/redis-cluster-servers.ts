/**
 * A three-master Redis Cluster of a test's own: three `redis-server --cluster-enabled yes` on
 * free ports, joined with `redis-cli --cluster create`, nothing kept on disk (each in a
 * temporary directory, removed at the end).
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, spawnRedisServer } from "./redis-process.js";

export class RedisClusterServers {
  private constructor(
    readonly ports: number[],
    private readonly children: ChildProcess[],
    private readonly dir: string,
  ) {}

  static async start(): Promise<RedisClusterServers> {
    const dir = mkdtempSync(join(tmpdir(), "tether-redis-cluster-"));
    const ports: number[] = [];
    const children: ChildProcess[] = [];
    const servers = new RedisClusterServers(ports, children, dir);
    try {
      for (let i = 0; i < 3; i++) {
        // A cluster bus port is the port + 10000: pick ports whose bus port is free too.
        let port = await freePort();
        while (port > 55_000) port = await freePort();
        ports.push(port);
        children.push(
          await spawnRedisServer(port, [
            "--cluster-enabled",
            "yes",
            "--cluster-config-file",
            join(dir, `nodes-${port}.conf`),
            "--dir",
            dir,
          ]),
        );
      }
      const create = spawnSync(
        "redis-cli",
        ["--cluster", "create", ...ports.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", "0", "--cluster-yes"],
        { encoding: "utf8", timeout: 20_000 },
      );
      if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
      for (let i = 0; i < 200; i++) {
        const info = spawnSync("redis-cli", ["-p", String(ports[0]), "cluster", "info"], { encoding: "utf8" });
        if (info.stdout.includes("cluster_state:ok")) return servers;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("the Redis Cluster did not reach cluster_state:ok in 10 s");
    } catch (e) {
      await servers.stop();
      throw e;
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(async (c) => {
        if (c.exitCode !== null) return;
        c.kill("SIGKILL");
        await once(c, "exit");
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}
