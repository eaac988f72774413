/**
 * A benchmark server in its own process: started from `dist/servers/<kind>-server.js`, driven
 * through stdin commands (one per line, answered by one line on stdout), measured through /proc
 * (CPU time, resident memory and its peak).
 *
 * `BENCH_NODE_ARGS` adds Node flags to the server processes, for example
 * `BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to profile them.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const serversDir = join(dirname(fileURLToPath(import.meta.url)), "..", "servers");
const TICKS_PER_SEC = 100; // Linux USER_HZ
const TASKSET = existsSync("/usr/bin/taskset") && cpus().length > 1 ? "/usr/bin/taskset" : undefined;

/** Keeps this process (the load generator) off the servers' core. Returns what it did. */
export function pinLoadGenerator(): string {
  if (!TASKSET) return "not pinned (no taskset or one core)";
  const others = cpus().length > 2 ? `0-${cpus().length - 2}` : "0";
  spawnSync(TASKSET, ["-a", "-p", "-c", others, String(process.pid)]);
  return `load generator on core${others.includes("-") ? "s" : ""} ${others}, server on core ${cpus().length - 1}`;
}

export type ServerKind = "tether" | "ws";

export class ServerProcess {
  private readonly waiting: ((line: string) => void)[] = [];
  private readonly exited: Promise<void>;

  private constructor(
    readonly kind: ServerKind,
    readonly child: ChildProcess,
    readonly url: string,
    lines: AsyncIterable<string>,
  ) {
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    void (async () => {
      for await (const line of lines) this.waiting.shift()?.(line);
    })();
  }

  /** Starts a server; `args` reach it as command-line arguments. */
  static start(kind: ServerKind, args: readonly string[] = []): Promise<ServerProcess> {
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter((a) => a !== "");
    const argv = [...nodeArgs, "--expose-gc", join(serversDir, `${kind}-server.js`), ...args];
    // Server on the last core, load generator on the others (see pinLoadGenerator), when
    // taskset is there: each side keeps its own core instead of both wandering.
    const child = TASKSET
      ? spawn(TASKSET, ["-c", String(cpus().length - 1), process.execPath, ...argv], {
          stdio: ["pipe", "pipe", "inherit"],
        })
      : spawn(process.execPath, argv, { stdio: ["pipe", "pipe", "inherit"] });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
    return new Promise((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`${kind} server exited with ${code} before listening`)));
      void lines.next().then(({ value }) => {
        const m = /^listening (\d+)$/.exec(String(value));
        if (!m) return reject(new Error(`${kind} server said ${String(value)}`));
        const path = kind === "tether" ? "/ws" : "";
        resolve(
          new ServerProcess(kind, child, `ws://127.0.0.1:${m[1]}${path}`, { [Symbol.asyncIterator]: () => lines }),
        );
      });
    });
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** Sends a command line and resolves with the server's one-line answer. */
  command(line: string): Promise<string> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin?.write(`${line}\n`);
    });
  }

  /** Resident memory after a full garbage collection, in bytes (the server runs `gc()`). */
  async settledRss(): Promise<number> {
    return (await this.settledMemory()).rss;
  }

  /** Resident memory and JavaScript heap in use after a full garbage collection, in bytes. */
  async settledMemory(): Promise<{ rss: number; heap: number }> {
    const m = /rss (\d+) heap (\d+)/.exec(await this.command("gc"));
    return { rss: Number(m?.[1] ?? Number.NaN), heap: Number(m?.[2] ?? Number.NaN) };
  }

  /** User + system CPU seconds so far. */
  cpuSeconds(): number {
    const fields = readFileSync(`/proc/${this.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SEC;
  }

  /** The peak resident memory (VmHWM) since start or since the last `resetPeakRss`. */
  peakRss(): number {
    return statusKb(this.pid, "VmHWM") * 1024;
  }

  /** Resets the peak resident memory mark (writes 5 to /proc/<pid>/clear_refs). */
  resetPeakRss(): void {
    writeFileSync(`/proc/${this.pid}/clear_refs`, "5");
  }

  /** Stops the server (SIGTERM, so a profiling server writes its profile) and waits for it. */
  async stop(): Promise<void> {
    this.child.kill("SIGTERM");
    const killer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await this.exited;
    clearTimeout(killer);
  }
}

function statusKb(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? Number.NaN);
}
