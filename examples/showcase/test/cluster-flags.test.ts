/**
 * The showcase's cluster-mode flags, as its dist main.js takes them: the node and kill flags
 * without a Redis, and a durability that is neither memory nor log, are exit code 2 with one line
 * on stderr; with --redis (the Redis at REDIS_URL, a namespace of this test's own) it prints its
 * URL and its node id, and SIGTERM stops it with exit code 0.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";

const MAIN = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const namespace = `showcase-flags-${randomBytes(6).toString("hex")}`;

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** Runs main.js; `onLine` sees each stdout line with the child, to stop it. */
function run(args: readonly string[], onLine?: (line: string, stop: () => void) => void): Promise<Run> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, PORT: "", NODE_ID: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    stdout.push(line);
    onLine?.(line, () => child.kill("SIGTERM"));
  });
  createInterface({ input: child.stderr }).on("line", (line) => stderr.push(line));
  return new Promise((resolve) => child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${namespace}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe("the showcase's cluster flags", () => {
  it.each([
    [["--node-id", "node-1"], "showcase: --node-id and --demo-kill need --redis"],
    [["--demo-kill"], "showcase: --node-id and --demo-kill need --redis"],
    [["--cluster", "--durability", "disk"], "showcase: --durability is memory or log"],
  ])("%j is exit code 2 with one line on stderr", async (args, line) => {
    const r = await run(["--port", "0", ...args]);
    expect(r).toEqual({ code: 2, signal: null, stdout: [], stderr: [line] });
  });

  it("with --redis it prints its URL as its node, and SIGTERM stops it", async () => {
    const args = ["--port", "0", "--redis", REDIS_URL, "--namespace", namespace, "--node-id", "node-7"];
    const r = await run([...args, "--durability", "log", "--demo-kill"], (_line, stop) => stop());
    expect(r.code).toBe(0);
    expect(r.stdout).toHaveLength(1);
    expect(r.stdout[0]).toMatch(/^tether showcase at http:\/\/127\.0\.0\.1:\d+\/ as node node-7$/);
  }, 20_000);
});
