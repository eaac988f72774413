/**
 * The browser build in a real browser: Debian's Chromium, driven by playwright-core, loads a
 * page that uses dist/browser/tether-client.js, connects to the conformance server, receives
 * pushes, survives a forced disconnect and resumes without loss.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "@tether/testkit/chromium";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { echo, startEcho } from "./support.js";

const bundle = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "browser", "tether-client.js");

const PAGE = (wsUrl: string) => `<!doctype html>
<meta charset="utf-8"><title>tether browser test</title>
<script type="module">
import { TetherClient } from "/tether-client.js";
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const bytes = (h) => new Uint8Array(h.match(/../g)?.map((x) => parseInt(x, 16)) ?? []);
const sockets = [];
const transport = (url) => { const ws = new WebSocket(url); sockets.push(ws); return ws; };
const client = new TetherClient({ url: ${JSON.stringify(wsUrl)}, token: "p:1", transport,
  reconnect: { minDelayMs: 50, maxDelayMs: 200 }, ackDelayMs: 20 });
window.pushIds = [];
window.payloads = [];
window.resumes = [];
window.states = [];
client.onPushRaw(2001, (payload, meta) => { window.pushIds.push(meta.pushId); window.payloads.push(hex(payload)); });
client.on("resumed", (e) => window.resumes.push(e.replayed));
client.on("state", (s) => window.states.push(s.kind));
window.request = (msgId, h) => client.requestRaw(msgId, bytes(h)).then(hex);
window.cut = () => sockets[sockets.length - 1].close(4000, "forced disconnect");
client.connect().then(() => { window.ready = true; });
</script>`;

let browser: Browser;
let http: Server;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (http ? http.close(() => r()) : r()));
});

describe("the browser build in Chromium", () => {
  it("connects, receives pushes, survives a forced disconnect and resumes without loss", async () => {
    const server = await startEcho();
    http = createServer((req, res) => {
      if (req.url === "/tether-client.js") {
        res.writeHead(200, { "Content-Type": "text/javascript" }).end(readFileSync(bundle));
      } else {
        res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE(server.url));
      }
    });
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (globalThis as unknown as { ready?: boolean }).ready === true);

    const pushMe = Buffer.from(echo.PushMeReq.encode({ count: 5, reliable: true }).finish()).toString("hex");
    await page.evaluate(
      (h) => (globalThis as unknown as { request: (m: number, h: string) => Promise<string> }).request(1001, h),
      pushMe,
    );
    await page.waitForFunction(() => (globalThis as unknown as { pushIds: number[] }).pushIds.length === 5);

    // Cut the connection, push while the page is away, and let it come back.
    const session = server.engine.store.byKey("1");
    if (!session) throw new Error("no session");
    await page.evaluate(() => (globalThis as unknown as { cut: () => void }).cut());
    for (let i = 5; i < 10; i++) server.engine.push(session, 2001, echo.PushMsg.encode({ index: i }).finish());
    await page.waitForFunction(() => (globalThis as unknown as { pushIds: number[] }).pushIds.length === 10);

    const result = await page.evaluate(() => {
      const w = globalThis as unknown as { pushIds: number[]; payloads: string[]; resumes: number[]; states: string[] };
      return { pushIds: w.pushIds, payloads: w.payloads, resumes: w.resumes, states: w.states };
    });
    expect(result.pushIds).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.payloads.map((h) => echo.PushMsg.decode(Buffer.from(h, "hex")).index)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(result.resumes.length).toBeGreaterThanOrEqual(1);
    expect(result.states).toContain("reconnecting");
    expect(errors).toEqual([]);
    console.log(
      `browser: pushes ${result.pushIds.join(",")}; resumes ${JSON.stringify(result.resumes)}; states ${result.states.join(" > ")}`,
    );
    await page.close();
  }, 60_000);
});
