/// <reference lib="dom" />
/**
 * The cluster demo (`npm run cluster`, src/cluster.ts) in a real browser: the launcher runs as a
 * child process (three showcase nodes behind its TCP proxy, on the Redis at REDIS_URL, default
 * redis://127.0.0.1:6379, under a namespace of this test's own); the landing page at `/` lists
 * the chat and the arena; the chat's page at `/chat/` joins, sends a message, kills the node
 * serving it, resumes on another node and sends again. A screenshot is saved under
 * .test-results/.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { launchChromium } from "@tether/testkit/chromium";
import { Redis } from "ioredis";
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const LAUNCHER = join(root, "examples", "showcase", "dist", "cluster.js");
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const namespace = `showcase-cluster-${randomBytes(6).toString("hex")}`;

/** The launcher as a child process leading its own process group, its output kept by line. */
class Launcher {
  readonly child: ChildProcess;
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly waiters: (() => void)[] = [];

  constructor(args: readonly string[]) {
    if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: build first (npm run build)`);
    this.child = spawn(process.execPath, [LAUNCHER, ...args], {
      cwd: root,
      env: { ...process.env, REDIS_URL },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const keep = (lines: string[]) => (line: string) => {
      lines.push(line);
      for (const w of this.waiters) w();
    };
    if (this.child.stdout) createInterface({ input: this.child.stdout }).on("line", keep(this.stdout));
    if (this.child.stderr) createInterface({ input: this.child.stderr }).on("line", keep(this.stderr));
    this.exited = new Promise((resolve) =>
      this.child.once("close", (code, signal) => {
        resolve({ code, signal });
        for (const w of this.waiters) w();
      }),
    );
  }

  /** Resolves with the first line of `stream` matching `re`, once there is one (or rejects after `timeoutMs`). */
  line(stream: "stdout" | "stderr", re: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (const l of this[stream]) {
          const m = re.exec(l);
          if (m) {
            done();
            resolve(m);
            return;
          }
        }
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          done();
          reject(new Error(`the launcher exited before printing ${re}:\n${this.stderr.join("\n")}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no line ${re} on ${stream} within ${timeoutMs} ms:\n${this.stderr.join("\n")}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        const i = this.waiters.indexOf(check);
        if (i >= 0) this.waiters.splice(i, 1);
      };
      this.waiters.push(check);
      check();
    });
  }

  /** SIGTERM, as Ctrl-C would; SIGKILL to the whole group if it has not exited within `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.killGroup(), timeoutMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  killGroup(): void {
    try {
      if (this.child.pid !== undefined) process.kill(-this.child.pid, "SIGKILL");
    } catch {}
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const launchers: Launcher[] = [];
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await Promise.all(launchers.map((l) => l.stop()));
  for (const l of launchers) l.killGroup(); // nothing of theirs may outlive the test
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${namespace}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe("npm run cluster: the showcase on three nodes behind a TCP proxy", () => {
  it("the landing page lists the chat and the arena; the chat's kill this node: the page resumes on another node with its replay count and keeps chatting", async () => {
    const launcher = new Launcher(["--port", "0", "--node-port", "0", "--namespace", namespace]);
    launchers.push(launcher);
    const url = (await launcher.line("stdout", /^http:\/\/127\.0\.0\.1:\d+\/$/))[0];
    const pids = await Promise.all(
      [1, 2, 3].map(async (i) =>
        Number((await launcher.line("stderr", new RegExp(`node-${i} on .* \\(pid (\\d+)\\)`)))[1]),
      ),
    );
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
    await page.goto(url);
    expect(await page.$$eval(".card h3", (els) => els.map((e) => e.textContent))).toEqual(["Chat", "Arena"]);
    expect(await page.$$eval(".card a.open", (els) => els.map((e) => e.getAttribute("href")))).toEqual([
      "/chat/",
      "/arena/",
    ]);
    await page.click('a[aria-label="Open Chat"]');
    await page.waitForURL(`${url}chat/`);
    await page.fill("#name", "alice");
    await page.fill("#room", "lobby");
    await page.click("#join button");
    await page.waitForFunction(() => (globalThis as unknown as { joined?: boolean }).joined === true);
    await page.fill("#body", "before the kill");
    await page.press("#body", "Enter");
    await page.waitForFunction(() => document.querySelectorAll("#messages li:not(.notice)").length === 1);
    const first = (await page.textContent("#node")) ?? "";
    expect(first).toMatch(/^node-[123]$/);
    expect(await page.isVisible("#kill")).toBe(true);

    await page.click("#kill");
    await launcher.line("stderr", new RegExp(`${first} exited \\(SIGKILL\\); restarting it`));
    await page.waitForFunction(
      (old) => {
        const node = document.querySelector("#node")?.textContent ?? "";
        const state = document.querySelector("#state")?.textContent ?? "";
        return /^node-\d$/.test(node) && node !== old && state.startsWith(`resumed on ${node}, `);
      },
      first,
      { timeout: 20_000 },
    );
    const second = (await page.textContent("#node")) ?? "";
    const state = (await page.textContent("#state")) ?? "";
    expect(state).toMatch(new RegExp(`^resumed on ${second}, \\d+ replayed$`));

    await page.fill("#body", "after the kill");
    await page.press("#body", "Enter");
    await page.waitForFunction(() => document.querySelectorAll("#messages li:not(.notice)").length === 2);
    const texts = await page.$$eval("#messages li:not(.notice) .body", (els) => els.map((e) => e.textContent));
    expect(texts).toEqual(["before the kill", "after the kill"]);
    // The killed node comes back under the same nodeId.
    await launcher.line("stderr", new RegExp(`${first} is back on http://127\\.0\\.0\\.1:\\d+/`));
    mkdirSync(join(root, ".test-results"), { recursive: true });
    const shot = join(root, ".test-results", "chat-cluster-resumed.png");
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`showcase cluster: ${first} killed; page shows "${state}", messages ${JSON.stringify(texts)}; ${shot}`);

    const back = Number((await launcher.line("stderr", new RegExp(`${first} is back on .* \\(pid (\\d+)\\)`)))[1]);
    expect(await launcher.stop()).toEqual({ code: 0, signal: null });
    expect(launcher.stdout).toEqual([url]); // exactly one line on stdout: the URL
    expect([...pids, back].filter(alive)).toEqual([]);
  }, 60_000);

  it("the arena on three nodes: two players share one world; kill this node in the lab: the page resumes on another and the game goes on", async () => {
    const launcher = new Launcher(["--port", "0", "--node-port", "0", "--namespace", `${namespace}-arena-demo`]);
    launchers.push(launcher);
    const url = (await launcher.line("stdout", /^http:\/\/127\.0\.0\.1:\d+\/$/))[0];
    for (const i of [1, 2, 3]) await launcher.line("stderr", new RegExp(`node-${i} on .* \\(pid \\d+\\)`));
    browser ??= await launchChromium();
    type Lab = {
      arenaPage: { model: { revision: number; tick: number; positions: Map<number, unknown> }; me(): number };
    };
    const play = async (name: string) => {
      const page = await (browser as Browser).newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${url}arena/`);
      await page.fill("#name", name);
      await page.click("#join button");
      await page.waitForFunction(() => (globalThis as unknown as { arenaReady?: boolean }).arenaReady === true);
      return page;
    };
    const ann = await play("ann");
    const bo = await play("bo");
    const ids = await Promise.all(
      [ann, bo].map((p) => p.evaluate(() => (globalThis as unknown as Lab).arenaPage.me())),
    );
    // Each sees the other in one world (the proxy deals connections round robin: their nodes vary).
    for (const p of [ann, bo])
      await p.waitForFunction(
        (all) => all.every((id) => (globalThis as unknown as Lab).arenaPage.model.positions.has(id)),
        ids,
      );
    const nodes = await Promise.all([ann, bo].map((p) => p.textContent("#node")));
    for (const n of nodes) expect(n).toMatch(/^node-[123]$/);
    expect(await ann.isVisible("#kill")).toBe(true);

    const revision = await ann.evaluate(() => (globalThis as unknown as Lab).arenaPage.model.revision);
    await ann.click("#kill");
    await launcher.line("stderr", new RegExp(`${nodes[0]} exited \\(SIGKILL\\); restarting it`));
    await ann.waitForFunction(
      (old) => {
        const node = document.querySelector("#node")?.textContent ?? "";
        const state = document.querySelector("#state")?.textContent ?? "";
        return /^node-\d$/.test(node) && node !== old && state.startsWith(`resumed on ${node}, `);
      },
      nodes[0],
      { timeout: 20_000 },
    );
    const state = (await ann.textContent("#state")) ?? "";
    expect(state).toMatch(/^resumed on node-\d, \d+ replayed$/);
    // The game goes on: the bots keep scoring (new events) and the ticks keep coming.
    const tick = await ann.evaluate(() => (globalThis as unknown as Lab).arenaPage.model.tick);
    await ann.waitForFunction((r) => (globalThis as unknown as Lab).arenaPage.model.revision > r, revision, {
      timeout: 20_000,
    });
    await ann.waitForFunction((t) => (globalThis as unknown as Lab).arenaPage.model.tick > t + 20, tick);
    const shot = join(root, ".test-results", "arena-cluster-resumed.png");
    mkdirSync(join(root, ".test-results"), { recursive: true });
    await ann.screenshot({ path: shot, fullPage: true });
    console.log(
      `showcase cluster arena: ann on ${nodes[0]}, bo on ${nodes[1]}; killed ${nodes[0]}; "${state}"; ${shot}`,
    );
    expect(await launcher.stop()).toEqual({ code: 0, signal: null });
  }, 60_000);

  it("a taken port: one clear line on stderr, exit code 1", async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const launcher = new Launcher(["--port", String(port), "--node-port", "0", "--namespace", namespace]);
      launchers.push(launcher);
      expect(await launcher.exited).toEqual({ code: 1, signal: null });
      expect(launcher.stderr).toEqual([`cluster: port ${port} is taken (choose another with --port or PORT)`]);
      expect(launcher.stdout).toEqual([]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 20_000);
});
