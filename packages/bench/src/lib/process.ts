/**
 * A benchmark server in its own process: started from `dist/servers/<kind>-server.js`, driven
 * through stdin commands (one per line, answered by one line on stdout), measured through /proc
 * (CPU time, resident memory and its peak). A client measured alone (client-cost) runs the same
 * way from `dist/clients/`, on the load generator's core(s).
 *
 * `BENCH_NODE_ARGS` adds Node flags to the server processes, for example
 * `BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to profile them;
 * `BENCH_CLIENT_NODE_ARGS` does the same for the client processes (client-cost).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const distDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const TICKS_PER_SEC = 100; // Linux USER_HZ
const TASKSET = existsSync("/usr/bin/taskset") && cpus().length > 1 ? "/usr/bin/taskset" : undefined;

/** The cores of the load generator (see pinLoadGenerator): every core but the last. */
const loadCores = () => (cpus().length > 2 ? `0-${cpus().length - 2}` : "0");

/** Keeps this process (the load generator) off the servers' core. Returns what it did. */
export function pinLoadGenerator(): string {
  if (!TASKSET) return "not pinned (no taskset or one core)";
  const others = loadCores();
  spawnSync(TASKSET, ["-a", "-p", "-c", others, String(process.pid)]);
  return `load generator on core${others.includes("-") ? "s" : ""} ${others}, server on core ${cpus().length - 1}`;
}

export type ServerKind = "tether" | "ws";
/** A server of the cluster scenarios' peer anchor (servers/socketio-server.ts), not a ws-vs-Tether side. */
export type PeerKind = "socketio";

export interface SettledMemory {
  readonly rss: number;
  readonly heap: number;
  readonly heapTotal: number;
  readonly external: number;
}

/**
 * A benchmark child process, pinned when taskset is there, driven through stdin commands (one
 * per line, each answered by one line on stdout) and measured through /proc.
 */
class BenchProcess {
  private readonly waiting: ((line: string) => void)[] = [];
  private readonly exited: Promise<void>;

  protected constructor(
    readonly child: ChildProcess,
    lines: AsyncIterable<string>,
  ) {
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    void (async () => {
      for await (const line of lines) this.waiting.shift()?.(line);
    })();
  }

  /**
   * Runs `dist/<script>` with `args` on `cores` and resolves with the child and its first
   * stdout line (what it says when ready).
   */
  protected static spawn(
    script: string,
    args: readonly string[],
    cores: string,
    nodeArgs: readonly string[],
  ): Promise<{ child: ChildProcess; first: string; lines: AsyncIterable<string> }> {
    const argv = [...nodeArgs, "--expose-gc", join(distDir, script), ...args];
    const child = TASKSET
      ? spawn(TASKSET, ["-c", cores, process.execPath, ...argv], { stdio: ["pipe", "pipe", "inherit"] })
      : spawn(process.execPath, argv, { stdio: ["pipe", "pipe", "inherit"] });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
    return new Promise((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
      void lines
        .next()
        .then(({ value }) => resolve({ child, first: String(value), lines: { [Symbol.asyncIterator]: () => lines } }));
    });
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** Sends a command line and resolves with the process's one-line answer. */
  command(line: string): Promise<string> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin?.write(`${line}\n`);
    });
  }

  /** User + system CPU seconds so far. */
  cpuSeconds(): number {
    const fields = readFileSync(`/proc/${this.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SEC;
  }

  /** Stops the process (SIGTERM, so a profiling server writes its profile) and waits for it. */
  async stop(): Promise<void> {
    this.child.kill("SIGTERM");
    const killer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await this.exited;
    clearTimeout(killer);
  }
}

export class ServerProcess extends BenchProcess {
  private constructor(
    readonly kind: ServerKind | PeerKind,
    child: ChildProcess,
    readonly url: string,
    lines: AsyncIterable<string>,
  ) {
    super(child, lines);
  }

  /**
   * Starts a server; `args` reach it as command-line arguments. It runs on `cores` (default the
   * last core; the cluster scenarios put a second node elsewhere).
   */
  static async start(
    kind: ServerKind | PeerKind,
    args: readonly string[] = [],
    cores = String(cpus().length - 1),
  ): Promise<ServerProcess> {
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter((a) => a !== "");
    // Server on the last core, load generator on the others (see pinLoadGenerator), when
    // taskset is there: each side keeps its own core instead of both wandering.
    const { child, first, lines } = await BenchProcess.spawn(
      join("servers", `${kind}-server.js`),
      args,
      cores,
      nodeArgs,
    );
    const m = /^listening (\d+)$/.exec(first);
    if (!m) {
      child.kill("SIGKILL");
      throw new Error(`${kind} server said ${first}`);
    }
    const url =
      kind === "socketio" ? `http://127.0.0.1:${m[1]}` : `ws://127.0.0.1:${m[1]}${kind === "tether" ? "/ws" : ""}`;
    return new ServerProcess(kind, child, url, lines);
  }

  /** Resident memory after a full garbage collection, in bytes (the server runs `gc()`). */
  async settledRss(): Promise<number> {
    return (await this.settledMemory()).rss;
  }

  /**
   * Resident memory, JavaScript heap in use (`heap`) and reserved (`heapTotal`), and memory
   * outside the heap that V8 accounts for (`external`: ArrayBuffer backing stores...) after a
   * full garbage collection, in bytes.
   */
  async settledMemory(): Promise<SettledMemory> {
    const answer = await this.command("gc");
    const field = (name: string) => Number(new RegExp(`\\b${name} (\\d+)`).exec(answer)?.[1] ?? Number.NaN);
    return { rss: field("rss"), heap: field("heap"), heapTotal: field("heapTotal"), external: field("external") };
  }

  /** The peak resident memory (VmHWM) since start or since the last `resetPeakRss`. */
  peakRss(): number {
    return statusKb(this.pid, "VmHWM") * 1024;
  }

  /** Resets the peak resident memory mark (writes 5 to /proc/<pid>/clear_refs). */
  resetPeakRss(): void {
    writeFileSync(`/proc/${this.pid}/clear_refs`, "5");
  }
}

/**
 * A client in a process of its own (`dist/clients/<script>`), on the load generator's core(s),
 * so its /proc CPU time is the client's cost alone. It prints `ready` once connected.
 */
export class ClientProcess extends BenchProcess {
  static async start(script: string, args: readonly string[]): Promise<ClientProcess> {
    const nodeArgs = (process.env.BENCH_CLIENT_NODE_ARGS ?? "").split(" ").filter((a) => a !== "");
    const { child, first, lines } = await BenchProcess.spawn(join("clients", script), args, loadCores(), nodeArgs);
    if (first !== "ready") {
      child.kill("SIGKILL");
      throw new Error(`${script} said ${first}`);
    }
    return new ClientProcess(child, lines);
  }
}

/** The soft limit on open files of a process (`ulimit -n`), from /proc/<pid>/limits. */
export function openFilesLimit(pid: number | "self" = "self"): number {
  const m = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(`/proc/${pid}/limits`, "utf8"));
  return m?.[1] === "unlimited" ? Number.POSITIVE_INFINITY : Number(m?.[1] ?? 0);
}

function statusKb(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? Number.NaN);
}
