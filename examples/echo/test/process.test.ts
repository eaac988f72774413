/**
 * The conformance server as outside test clients see it: started with `npm run echo -- [flags]`
 * from the repository root, one line on stdout, graceful exit 0 on SIGTERM and SIGINT.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CloseCode } from "@tether/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { WsClient } from "./support.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const children: ChildProcess[] = [];

afterEach(() => {
  // Each child leads its own process group: kill the group so nothing outlives the test.
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.pid !== undefined) {
      try {
        process.kill(-c.pid, "SIGKILL");
      } catch {}
    }
  }
});

interface Started {
  child: ChildProcess;
  stdout: () => string;
  line: string;
}

function startProcess(args: string[]): Promise<Started> {
  const child = spawn("npm", ["run", "echo", "--", "--port", "0", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf("\n");
      if (nl >= 0) resolve({ child, stdout: () => out, line: out.slice(0, nl) });
    });
    child.stderr?.resume();
    child.once("exit", (code) => reject(new Error(`exited ${code} before listening`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("npm run echo", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "prints exactly one listening line, serves, and on %s sends Disconnect 1012 and exits 0",
    async (signal) => {
      const started = await startProcess([]);
      expect(started.line).toMatch(/^listening ws:\/\/127\.0\.0\.1:\d+\/ws$/);
      const url = started.line.slice("listening ".length);
      const c = await WsClient.open(url);
      await c.login("p:1");
      started.child.kill(signal);
      expect((await c.waitClosed()).code).toBe(CloseCode.SERVER_SHUTDOWN);
      expect(c.disconnectPush()?.code).toBe(1012);
      expect(await exitCode(started.child)).toBe(0);
      expect(started.stdout()).toBe(`${started.line}\n`);
    },
  );

  it("exits 2 with a message on stderr for a bad flag", async () => {
    const child = spawn("npm", ["run", "echo", "--", "--port", "zero"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    children.push(child);
    let err = "";
    let out = "";
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(err).toContain("--port");
    expect(out).toBe("");
  });
});
