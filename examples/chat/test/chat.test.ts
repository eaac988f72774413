/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The chat in a real browser (Debian Chromium via playwright-core): two pages join a room;
 * page A goes offline; page B sends 5 messages; A comes back, resumes, and shows all 5 exactly
 * once and in order. A screenshot of A is saved under .test-results/.
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

async function joinAs(name: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  await page.goto(chat.url);
  await page.fill("#name", name);
  await page.fill("#room", "lobby");
  await page.click("#join button");
  await page.waitForFunction(() => (globalThis as unknown as { joined?: boolean }).joined === true);
  return page;
}

const texts = (page: Page) =>
  page.$$eval("#messages li:not(.notice) .body", (els) => els.map((e) => e.textContent ?? ""));

describe("the chat demo in Chromium", () => {
  it("shows messages sent while a page was offline exactly once, in order, after it resumes", async () => {
    const a = await joinAs("alice");
    const b = await joinAs("bob");
    await b.fill("#body", "hello before");
    await b.press("#body", "Enter");
    await a.waitForFunction(() => document.querySelectorAll("#messages li:not(.notice)").length === 1);

    await a.evaluate(() => (globalThis as unknown as { goOffline: () => void }).goOffline());
    await a.waitForFunction(() => document.querySelector("#state")?.getAttribute("data-kind") === "reconnecting");
    for (let i = 1; i <= 5; i++) {
      await b.evaluate(
        (n) => (globalThis as unknown as { say: (s: string) => Promise<void> }).say(`while away ${n}`),
        i,
      );
    }
    await a.evaluate(() => (globalThis as unknown as { goOnline: () => void }).goOnline());
    await a.waitForFunction(() => document.querySelectorAll("#messages li:not(.notice)").length === 6);
    await a.waitForFunction(() => document.querySelector("#state")?.textContent?.startsWith("resumed") === true);

    expect(await texts(a)).toEqual([
      "hello before",
      "while away 1",
      "while away 2",
      "while away 3",
      "while away 4",
      "while away 5",
    ]);
    expect(await a.textContent("#state")).toBe("resumed, 5 replayed");
    expect(await a.$$eval("#online li", (els) => els.map((e) => e.textContent))).toEqual(["alice", "bob"]);
    mkdirSync(outDir, { recursive: true });
    const shot = join(outDir, "chat-resumed.png");
    await a.screenshot({ path: shot, fullPage: true });
    console.log(
      `chat: page A shows ${JSON.stringify(await texts(a))}; state "${await a.textContent("#state")}"; screenshot ${shot}`,
    );
  }, 60_000);

  it("renders every message kind and a typing indicator", async () => {
    const a = await joinAs("carol");
    const b = await joinAs("dave");
    await b.selectOption("#kind", "1");
    await b.fill("#body", "🎉");
    await b.press("#body", "Enter");
    await b.selectOption("#kind", "3");
    await b.fill("#body", "https://example.org/rules");
    await b.press("#body", "Enter");
    await b.selectOption("#kind", "2");
    await b.fill("#body", "data:image/gif;base64,R0lGODlhAQABAAAAACw=");
    await b.press("#body", "Enter");
    await a.waitForFunction(() => document.querySelectorAll("#messages .emoji, #messages a").length === 2);
    expect(await a.textContent("#messages .emoji")).toBe("🎉");
    expect(await a.getAttribute("#messages a", "href")).toBe("https://example.org/rules");
    // A data: URL is not http(s): the server refuses it and B sees why.
    await b.waitForFunction(() =>
      [...document.querySelectorAll("#messages li.notice")].some((li) => li.textContent?.includes("not sent")),
    );
    await b.type("#body", "typing");
    await a.waitForFunction(() => document.querySelector("#typing")?.textContent === "dave is typing...");
  }, 60_000);
});
