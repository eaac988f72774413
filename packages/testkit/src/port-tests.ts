/**
 * The port handling every example shares, as its dist main.js takes it: --port, else PORT, else
 * its default. A port that is taken gives one line on stderr and exit code 1, no stack trace; a
 * PORT that is not a port exits 2 with one line. `describePortHandling` defines the tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { type AddressInfo, createServer, type Server } from "node:net";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";

const children: ChildProcess[] = [];
const holders: Server[] = [];

async function bound(): Promise<Server> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return server;
}

/** A port on 127.0.0.1 that the test holds until it ends. */
async function takenPort(): Promise<number> {
  const server = await bound();
  holders.push(server);
  return (server.address() as AddressInfo).port;
}

/** A port that was free a moment ago: bound, then released. */
async function freePort(): Promise<number> {
  const server = await bound();
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Run {
  readonly child: ChildProcess;
  /** Resolves with the first stdout line; rejects if it exits first. */
  readonly firstLine: Promise<string>;
  /** Resolves once it exited and its output was read to the end. */
  readonly done: Promise<{ code: number | null; out: string; err: string }>;
}

function run(main: string, args: readonly string[], port: string | undefined): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.PORT;
  if (port !== undefined) env.PORT = port;
  const child = spawn(process.execPath, [main, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (err += d));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.once("close", (code: number | null) => resolve({ code, out, err })),
  );
  const firstLine = new Promise<string>((resolve, reject) => {
    if (child.stdout) createInterface({ input: child.stdout }).once("line", resolve);
    void done.then((d) => reject(new Error(`exited ${d.code} before a line on stdout: ${d.err}`)));
  });
  firstLine.catch(() => {}); // a test that waits for its exit does not read it
  return { child, firstLine, done };
}

/** Its port from its first line (`listening` group 1); then SIGTERM, and it exits 0. */
async function listensThenStops(r: Run, listening: RegExp): Promise<number> {
  const m = listening.exec(await r.firstLine);
  expect(m?.[1]).toBeDefined();
  r.child.kill("SIGTERM");
  expect((await r.done).code).toBe(0);
  return Number(m?.[1]);
}

export interface PortedExample {
  /** The name it prints its messages under ("echo: ..."). */
  readonly name: string;
  /** Its dist/main.js. */
  readonly main: string;
  /** Its first stdout line once it listens; group 1 is the port. */
  readonly listening: RegExp;
}

/** The tests of an example's port handling. */
export function describePortHandling(e: PortedExample): void {
  const takenLine = (port: number) => `${e.name}: port ${port} is taken (EADDRINUSE); use --port or PORT\n`;
  describe(`the ${e.name} example's port`, () => {
    afterEach(async () => {
      for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
      await Promise.all(holders.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
    });

    it("says in one line on stderr that a --port is taken, and exits 1", async () => {
      const port = await takenPort();
      expect(await run(e.main, ["--port", String(port)], undefined).done).toEqual({
        code: 1,
        out: "",
        err: takenLine(port),
      });
    });

    it("takes PORT from the environment when there is no --port", async () => {
      const taken = await takenPort();
      expect(await run(e.main, [], String(taken)).done).toEqual({ code: 1, out: "", err: takenLine(taken) });
      const free = await freePort();
      expect(await listensThenStops(run(e.main, [], String(free)), e.listening)).toBe(free);
    });

    it("prefers --port to PORT", async () => {
      const taken = await takenPort();
      expect(await listensThenStops(run(e.main, ["--port", "0"], String(taken)), e.listening)).not.toBe(taken);
    });

    it("exits 2 with one line for a PORT that is not a port", async () => {
      const r = await run(e.main, [], "http").done;
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^${e.name}: .*PORT.*\n$`));
    });
  });
}
