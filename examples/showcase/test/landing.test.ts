/// <reference lib="dom" />
/**
 * The landing page in Chromium (playwright-core), on a desktop (1280x800) and a phone (390x844):
 * no horizontal overflow, every card's Open link on screen; the chat's link opens the chat at
 * /chat/, where a room is joined and a message goes through the real server, and the arena's
 * opens the arena at /arena/, where the player joins the game. The examples are those `npm
 * start` mounts. One screenshot of the landing page per viewport under .test-results/.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "@tether/testkit/chromium";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPS } from "../src/main.js";
import { type Showcase, startShowcase } from "../src/showcase.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const outDir = join(root, ".test-results");
let browser: Browser;
let showcase: Showcase;

beforeAll(async () => {
  showcase = await startShowcase({ port: 0, apps: APPS });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await showcase?.close();
});

const VIEWPORTS: [string, { width: number; height: number }][] = [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
];

describe("the landing page in Chromium", () => {
  for (const [label, viewport] of VIEWPORTS) {
    it(`${label} ${viewport.width}x${viewport.height}: no overflow, every card's link on screen, the chat and the arena one click away`, async () => {
      const page = await browser.newPage({ viewport });
      try {
        await page.goto(showcase.url);
        const m = await page.evaluate(() => {
          const root = document.documentElement;
          return {
            scrollWidth: root.scrollWidth,
            clientWidth: root.clientWidth,
            title: document.querySelector("h1")?.textContent?.trim(),
            links: [...document.querySelectorAll<HTMLAnchorElement>(".card a.open")].map((a) => {
              const r = a.getBoundingClientRect();
              return { href: a.getAttribute("href"), left: r.left, right: r.right, width: r.width };
            }),
          };
        });
        expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
        expect(m.title).toBe("Tether");
        expect(m.links.map((l) => l.href)).toEqual(showcase.apps.map((a) => `${a.prefix}/`));
        for (const l of m.links) {
          expect(l.width).toBeGreaterThan(0);
          expect(l.left).toBeGreaterThanOrEqual(0);
          expect(l.right).toBeLessThanOrEqual(viewport.width);
        }
        for (const a of await page.locator(".card a.open").all()) expect(await a.isVisible()).toBe(true);

        mkdirSync(outDir, { recursive: true });
        const shot = join(outDir, `showcase-landing-${viewport.width}x${viewport.height}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        console.log(`showcase landing ${label}: ${JSON.stringify(m)}; screenshot ${shot}`);

        await page.click('.card a.open[href="/chat/"]');
        await page.waitForURL(new URL("chat/", showcase.url).href);
        const name = `visitor_${label}`;
        await page.fill("#name", name);
        await page.fill("#room", `landing-${label}`);
        await page.click("#join button");
        await page.waitForFunction(() => (globalThis as unknown as { joined?: boolean }).joined === true);
        await page.fill("#body", `hello from the ${label} landing page`);
        await page.press("#body", "Enter");
        await page.waitForFunction(
          () => document.querySelector("#messages li.msg.mine")?.getAttribute("data-status") === "sent",
        );
        expect(await page.textContent("#messages li.msg .body")).toBe(`hello from the ${label} landing page`);
        expect(await page.textContent("#messages li.msg .from")).toBe(name);

        await page.goto(showcase.url);
        await page.click('.card a.open[href="/arena/"]');
        await page.waitForURL(new URL("arena/", showcase.url).href);
        await page.fill("#name", name);
        await page.click("#join button");
        await page.waitForFunction(() => (globalThis as unknown as { arenaReady?: boolean }).arenaReady === true);
        expect(await page.textContent("#state")).toBe("connected");
        await page.waitForFunction(
          (n) => [...document.querySelectorAll("#scores .name")].some((e) => e.textContent === `${n} (you)`),
          name,
        );
      } finally {
        await page.close();
      }
    }, 60_000);
  }
});
