/**
 * One node of the cluster demo, a showcase process (the landing page, the chat and the arena) as
 * a child of the launcher (cluster.ts): `node main.js --port <p> --node-id <id> ...`. Its
 * stdout's first line says where it listens; its stderr goes to the launcher's stderr, prefixed
 * with its id, once it is up (before that it is kept, and its last line says why it did not
 * start). It has an IPC channel to the launcher,
 * so that it also goes when the launcher dies without stopping it (main.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Backend } from "./tcp-proxy.js";

const MAIN = join(dirname(fileURLToPath(import.meta.url)), "main.js");
const LISTENING = /^tether showcase at (http:\/\/(127\.0\.0\.1):(\d+)\/) as node /;

export interface NodeExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export class NodeProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  /** Where it listens while it is up; undefined while it is starting or down. */
  backend: Backend | undefined;

  constructor(
    readonly nodeId: string,
    private readonly port: number,
    private readonly args: readonly string[],
    private readonly log: (line: string) => void,
    /** It exited by itself (killed, crashed) after it was up. */
    private readonly onExit: (node: NodeProcess, exit: NodeExit) => void,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts it; resolves with its URL once it listens, rejects with its last line if it exits first. */
  start(): Promise<string> {
    this.stopping = false;
    const child = spawn(process.execPath, [MAIN, "--port", String(this.port), "--node-id", this.nodeId, ...this.args], {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    this.child = child;
    const { stdout, stderr } = child;
    if (stdout === null || stderr === null) throw new Error("spawn gave no pipes"); // stdio says "pipe"
    let up = false;
    const early: string[] = [];
    createInterface({ input: stderr }).on("line", (line) => {
      if (up) this.log(`[${this.nodeId}] ${line}`);
      else early.push(line);
    });
    return new Promise((resolve, reject) => {
      createInterface({ input: stdout }).on("line", (line) => {
        const m = LISTENING.exec(line);
        if (up || !m?.[1] || !m[2] || !m[3]) return;
        up = true;
        for (const l of early.splice(0)) this.log(`[${this.nodeId}] ${l}`);
        this.backend = { host: m[2], port: Number(m[3]) };
        resolve(m[1]);
      });
      child.once("error", (e) => early.push(String(e)));
      // "close": its output has been read to the end.
      child.once("close", (code, signal) => {
        this.backend = undefined;
        if (this.child === child) this.child = undefined;
        if (!up) reject(new Error(early.at(-1) ?? `exited (${signal ?? `code ${code}`}) before listening`));
        else if (!this.stopping) this.onExit(this, { code, signal });
      });
    });
  }

  /** SIGTERM (it closes gracefully), then SIGKILL after `timeoutMs`; resolves once it is gone. */
  async stop(timeoutMs = 5000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    await closed;
    clearTimeout(timer);
  }
}
