/** The echo server as a child process of the fuzz suite, with its output kept for failure reports. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
export const ECHO_MAIN = join(REPO_ROOT, "examples", "echo", "dist", "main.js");

/** The largest frame the fuzzed server accepts and sends (its --max-frame-bytes). */
export const SERVER_MAX_FRAME = 65_536;
/** The flags the fuzz suite starts echo with. */
export const SERVER_FLAGS = [
  "--max-frame-bytes",
  String(SERVER_MAX_FRAME),
  "--session-ttl-ms",
  "3000",
  "--auth-timeout-ms",
  "3000",
  "--request-timeout-ms",
  "2000",
  "--heartbeat-interval-ms",
  "1500",
  "--heartbeat-timeout-ms",
  "3000",
  "--push-window-count",
  "500",
  "--push-window-bytes",
  "262144",
  "--max-in-flight",
  "16",
  "--max-outbound-bytes",
  "1048576",
  "--rate",
  "1000",
  "--burst",
  "1000",
];

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/**
 * `node examples/echo/dist/main.js --port 0 ...`, leading its own process group. Its stdout and
 * stderr are kept (the last 256 KiB) for failure reports.
 */
export class EchoProcess {
  readonly child: ChildProcess;
  exit: ExitInfo | undefined;
  readonly exited: Promise<ExitInfo>;
  /** Output lines, a run of identical lines kept once with its count. */
  private readonly lines: { text: string; times: number }[] = [];
  private partial: Record<string, string> = {};
  private firstLine: Promise<string>;

  constructor(args: readonly string[]) {
    if (!existsSync(ECHO_MAIN)) {
      throw new Error(`${ECHO_MAIN} is missing: build first (npx turbo run build --filter=@tether/echo...)`);
    }
    this.child = spawn(process.execPath, [ECHO_MAIN, "--port", "0", ...args], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code, signal) => {
        this.exit = { code, signal, at: Date.now() };
        resolve(this.exit);
      });
    });
    this.child.on("error", (e) => this.append("spawn", String(e)));
    this.child.stderr?.on("data", (d: Buffer) => this.append("err", d.toString()));
    let out = "";
    this.firstLine = new Promise((resolve, reject) => {
      this.child.stdout?.on("data", (d: Buffer) => {
        this.append("out", d.toString());
        out += d.toString();
        const nl = out.indexOf("\n");
        if (nl >= 0) resolve(out.slice(0, nl));
      });
      void this.exited.then((e) =>
        reject(new Error(`echo exited (${e.code ?? e.signal}) before listening:\n${this.tail()}`)),
      );
    });
  }

  private append(stream: string, text: string): void {
    const all = (this.partial[stream] ?? "") + text;
    const parts = all.split("\n");
    this.partial[stream] = parts.pop() ?? "";
    for (const part of parts) {
      const line = `[${stream}] ${part.length > 2000 ? `${part.slice(0, 2000)}...` : part}`;
      const last = this.lines[this.lines.length - 1];
      if (last?.text === line) last.times++;
      else this.lines.push({ text: line, times: 1 });
    }
    if (this.lines.length > 2000) this.lines.splice(0, this.lines.length - 1000);
  }

  /** Resolves with the server's ws:// URL once it printed its listening line. */
  async url(timeoutMs = 15_000): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`echo did not listen within ${timeoutMs} ms:\n${this.tail()}`)),
        timeoutMs,
      );
    });
    try {
      const line = await Promise.race([this.firstLine, timeout]);
      const m = /^listening (ws:\/\/127\.0\.0\.1:\d+\/ws)$/.exec(line);
      if (!m?.[1]) throw new Error(`unexpected first line from echo: ${line}`);
      return m[1];
    } finally {
      clearTimeout(timer);
    }
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /** The last `lines` lines of its stdout and stderr. */
  tail(lines = 80): string {
    const out = this.lines.slice(-lines).map((l) => (l.times > 1 ? `${l.text}   (x${l.times})` : l.text));
    for (const [stream, rest] of Object.entries(this.partial)) if (rest) out.push(`[${stream}] ${rest}`);
    return out.join("\n");
  }

  /** Resident set size in bytes (Linux /proc), or undefined when it cannot be read. */
  rssBytes(): number | undefined {
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${this.pid}/status`, "utf8"));
      return m?.[1] === undefined ? undefined : Number(m[1]) * 1024;
    } catch {
      return undefined;
    }
  }

  /** Set once the test itself kills the process (cleanup), so that exit is not a finding. */
  killedByTest = false;

  /** Kills the whole process group and waits for the exit. */
  async kill(): Promise<void> {
    if (this.exit === undefined && this.child.pid !== undefined) {
      this.killedByTest = true;
      try {
        process.kill(-this.child.pid, "SIGKILL");
      } catch {}
      await this.exited;
    }
  }
}
