/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The chat page as a product, in Chromium (playwright-core), on a phone (390x844) and a desktop
 * (1280x800): no horizontal overflow, the Join button and the input on screen, the list pinned to
 * the newest of 50 messages (and not yanked down when you scrolled up: a "new messages" button
 * instead), your own messages styled apart from others', timestamps; and messages typed while
 * offline show as "sending" until their request is answered, then as "sent". One screenshot per
 * viewport under .test-results/.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "@tether/testkit/chromium";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatServer, startChatServer } from "../src/chat-server.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const outDir = join(root, ".test-results");
let browser: Browser;
let chat: ChatServer;

beforeAll(async () => {
  chat = await startChatServer(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await chat?.close();
});

interface Viewport {
  width: number;
  height: number;
}

async function joinAs(name: string, room: string, viewport: Viewport): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(chat.url);
  await page.fill("#name", name);
  await page.fill("#room", room);
  await page.click("#join button");
  await page.waitForFunction(() => (globalThis as unknown as { joined?: boolean }).joined === true);
  return page;
}

const say = (page: Page, body: string) =>
  page.evaluate((b) => (globalThis as unknown as { say: (s: string) => Promise<unknown> }).say(b), body);

const count = (page: Page, n: number) =>
  page.waitForFunction((k) => document.querySelectorAll("#messages li.msg").length === k, n);

/** Where things are on the page, in the browser's own measures. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const rect = (sel: string) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : undefined;
    };
    const root = document.documentElement;
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      list: rect("#messages"),
      newest: rect("#messages li.msg:last-child"),
      input: rect("#body"),
      send: rect("#send button"),
      join: rect("#join button"),
    };
  });

type Box = { top: number; bottom: number; left: number; right: number } | undefined;
const onScreen = (b: Box, m: { innerWidth: number; innerHeight: number }) =>
  b !== undefined && b.top >= 0 && b.left >= 0 && b.bottom <= m.innerHeight && b.right <= m.innerWidth;

const VIEWPORTS: [string, Viewport][] = [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
];

describe("the chat page's layout in Chromium", () => {
  for (const [label, viewport] of VIEWPORTS) {
    it(`${label} ${viewport.width}x${viewport.height}: no overflow, pinned to the newest of 50 messages, own messages apart`, async () => {
      const room = `layout-${viewport.width}`;
      // Names of their own: a nickname is one player, and each test has its own pages.
      const [alice, bob] = [`alice_${label}`, `bob_${label}`];
      const a = await joinAs(alice, room, viewport);
      const b = await joinAs(bob, room, viewport);
      const before = await measure(a);
      expect(before.scrollWidth).toBeLessThanOrEqual(before.clientWidth);
      expect(onScreen(before.join, before)).toBe(true);

      await a.fill("#body", "hi, I am alice");
      await a.press("#body", "Enter");
      await say(b, "hello alice, bob here");
      await count(a, 2);
      for (let i = 1; i <= 46; i++) await say(b, `message ${i} of a long conversation that goes on and on`);
      await count(a, 48);
      await a.fill("#body", "sounds good to me");
      await a.press("#body", "Enter");
      await count(a, 49);
      await say(b, "message 47, the newest");
      await count(a, 50);

      // (1) no horizontal overflow; (2) the newest message in view, the input and Send on screen.
      const m = await measure(a);
      expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
      expect(m.innerWidth).toBe(viewport.width);
      expect(onScreen(m.input, m)).toBe(true);
      expect(onScreen(m.send, m)).toBe(true);
      expect(onScreen(m.join, m)).toBe(true);
      expect(onScreen(m.newest, m)).toBe(true);
      expect(m.list && m.newest && m.newest.bottom <= m.list.bottom + 1 && m.newest.top >= m.list.top).toBe(true);
      expect(await a.textContent("#messages li.msg:last-child .body")).toBe("message 47, the newest");

      // (3) alice's own message looks different from bob's, and every message has a time like 14:05.
      const looks = await a.$$eval("#messages li.msg", (els) =>
        els.slice(0, 2).map((e) => {
          const s = getComputedStyle(e);
          return {
            mine: e.classList.contains("mine"),
            background: s.backgroundColor,
            alignSelf: s.alignSelf,
            from: e.querySelector(".from")?.textContent,
          };
        }),
      );
      expect(looks.map((l) => [l.from, l.mine])).toEqual([
        [alice, true],
        [bob, false],
      ]);
      expect(looks[0]?.background).not.toBe(looks[1]?.background);
      expect(looks[0]?.alignSelf).toBe("flex-end");
      expect(looks[1]?.alignSelf).toBe("flex-start");
      const times = await a.$$eval("#messages li.msg time", (els) => els.map((e) => e.textContent ?? ""));
      expect(times).toHaveLength(50);
      for (const t of times) expect(t).toMatch(/^\d\d:\d\d$/);
      await a.waitForFunction(() =>
        [...document.querySelectorAll("#messages li.mine")].every((e) => e.getAttribute("data-status") === "sent"),
      );

      mkdirSync(outDir, { recursive: true });
      const shot = join(outDir, `chat-layout-${viewport.width}x${viewport.height}.png`);
      await a.screenshot({ path: shot });
      console.log(`chat layout ${label}: ${JSON.stringify(m)}; screenshot ${shot}`);

      // Scrolled up to read: a new message does not move the list; a button offers to jump.
      await a.evaluate(() => {
        const list = document.querySelector("#messages");
        if (list) list.scrollTop = 0;
      });
      await a.waitForFunction(() => document.querySelector("#messages")?.scrollTop === 0);
      await say(b, "while alice reads");
      await count(a, 51);
      await a.waitForSelector("#new-messages", { state: "visible" });
      expect(await a.evaluate(() => document.querySelector("#messages")?.scrollTop)).toBe(0);
      await a.click("#new-messages");
      await a.waitForSelector("#new-messages", { state: "hidden" });
      const after = await measure(a);
      expect(onScreen(after.newest, after)).toBe(true);
      expect(await a.textContent("#messages li.msg:last-child .body")).toBe("while alice reads");
      await a.close();
      await b.close();
    }, 60_000);
  }

  it("a message typed offline shows as sending, waits in the client's queue, then shows as sent", async () => {
    const a = await joinAs("erin", "outbox", { width: 390, height: 844 });
    const b = await joinAs("frank", "outbox", { width: 390, height: 844 });
    await a.evaluate(() => (globalThis as unknown as { goOffline: () => void }).goOffline());
    await a.waitForFunction(() => document.querySelector("#state")?.getAttribute("data-kind") === "reconnecting");
    for (const text of ["typed offline 1", "typed offline 2"]) {
      await a.fill("#body", text);
      await a.press("#body", "Enter");
    }
    const sending = await a.$$eval("#messages li.mine", (els) =>
      els.map((e) => [e.querySelector(".body")?.textContent, e.getAttribute("data-status"), e.hasAttribute("data-id")]),
    );
    expect(sending).toEqual([
      ["typed offline 1", "sending", false],
      ["typed offline 2", "sending", false],
    ]);
    expect(await a.textContent("#messages li.mine .status")).toBe("sending…");
    const shot = join(outDir, "chat-sending-offline.png");
    mkdirSync(outDir, { recursive: true });
    await a.screenshot({ path: shot });

    await a.evaluate(() => (globalThis as unknown as { goOnline: () => void }).goOnline());
    await a.waitForFunction(
      () =>
        [...document.querySelectorAll("#messages li.mine")].filter(
          (e) => e.getAttribute("data-status") === "sent" && e.hasAttribute("data-id"),
        ).length === 2,
    );
    // Each once, in order, on both pages.
    const body = (p: Page) => p.$$eval("#messages li.msg .body", (els) => els.map((e) => e.textContent));
    expect(await body(a)).toEqual(["typed offline 1", "typed offline 2"]);
    expect(await a.textContent("#messages li.mine .status")).toBe("sent ✓");
    await b.waitForFunction(() => document.querySelectorAll("#messages li.msg").length === 2);
    expect(await body(b)).toEqual(["typed offline 1", "typed offline 2"]);
    expect(await b.$$eval("#messages li.mine", (els) => els.length)).toBe(0);
    console.log(`chat outbox: sending ${JSON.stringify(sending)} (${shot}), then sent once each`);
  }, 60_000);
});
