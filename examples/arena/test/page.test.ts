/// <reference lib="dom" />
/**
 * The arena page in Chromium (playwright-core): the layout at 1280x800 and 390x844 (no
 * horizontal overflow, the canvas and the lab panel on the page, screenshots under
 * .test-results/); two players see each other move (the canvas's pixels change where the other
 * player is); going offline while six events happen shows "resumed, 6 replayed"; the Cut button
 * shows "resumed, N replayed" with N the events the page missed; a reload resumes the session from
 * what the tab stored. After each, the page's world equals the server's.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ResumeOutcome, SessionView } from "@tether/system";
import { launchChromium } from "@tether/testkit/chromium";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArenaModel } from "../src/arena-model.js";
import { type ArenaServer, startArena } from "../src/arena-server.js";
import { WIDTH } from "../src/rules.js";
import { truthOf } from "./worlds.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const outDir = join(root, ".test-results");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(outDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

interface ArenaPage {
  model: ArenaModel;
  lab: { replayed: number | undefined; rttMs: number | undefined };
  me(): number;
  setOffline(offline: boolean): void;
}
declare global {
  interface Window {
    arenaPage: ArenaPage;
    arenaReady?: boolean;
  }
}

async function play(url: string, name: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await page.fill("#name", name);
  await page.click("#join button");
  await page.waitForFunction(() => window.arenaReady === true);
  return page;
}

const me = (p: Page) => p.evaluate(() => window.arenaPage.me());
const revisionOf = (p: Page) => p.evaluate(() => window.arenaPage.model.revision);
const stateText = (p: Page) => p.textContent("#state");

/** The page's world (what the reliable events built) as plain data. */
const worldOf = (p: Page) =>
  p.evaluate(() => {
    const m = window.arenaPage.model;
    return {
      revision: m.revision,
      coins: [...m.coins.values()].sort((a, b) => a.id - b.id),
      players: [...m.players.values()].sort((a, b) => a.id - b.id),
    };
  });

/** Waits until the page's world has caught up with the server's, then compares them. */
async function expectSameWorld(p: Page, arena: ArenaServer): Promise<void> {
  const truth = truthOf(arena.app.world);
  await p.waitForFunction((r) => window.arenaPage.model.revision >= r, truth.revision);
  expect(await worldOf(p)).toEqual(truth);
}

/** The canvas pixel at world point (x, y), after the next frame was drawn. */
const pixel = (p: Page, x: number, y: number) =>
  p.evaluate(
    ({ x: px, y: py }) =>
      new Promise<number[]>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const c = document.getElementById("canvas") as HTMLCanvasElement;
            resolve([...(c.getContext("2d")?.getImageData(Math.round(px), Math.round(py), 1, 1).data ?? [])]);
          }),
        ),
      ),
    { x, y },
  );
const rgb = (color: number) => [(color >> 16) & 255, (color >> 8) & 255, color & 255];
const near = (a: number[], b: number[]) => a.slice(0, 3).every((v, i) => Math.abs(v - (b[i] ?? -99)) <= 2);

describe("the arena page in Chromium", () => {
  for (const [label, viewport] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    it(`${label} ${viewport.width}x${viewport.height}: no horizontal overflow, the arena and the lab on the page`, async () => {
      const arena = await startArena(0, "127.0.0.1", {}, { bots: 3 });
      try {
        const page = await play(arena.url, `lay_${label}`, viewport);
        // Wait for a few ticks and an RTT, so that the screenshot shows a live game.
        await page.waitForFunction(() => /^\d+\.\d ms$/.test(document.getElementById("lab-rtt")?.textContent ?? ""));
        await page.waitForFunction(() => window.arenaPage.model.positions.size === 4);
        const m = await page.evaluate(() => {
          const r = (sel: string) => document.querySelector(sel)?.getBoundingClientRect();
          const root = document.documentElement;
          const canvas = r("#canvas");
          return {
            scrollWidth: root.scrollWidth,
            clientWidth: root.clientWidth,
            canvas: canvas && {
              left: canvas.left,
              right: canvas.right,
              top: canvas.top,
              width: canvas.width,
              height: canvas.height,
            },
            zap: r("#zap")?.bottom,
            session: document.getElementById("lab-session")?.textContent,
            rtt: document.getElementById("lab-rtt")?.textContent,
          };
        });
        expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
        expect(m.canvas && m.canvas.left >= 0 && m.canvas.right <= viewport.width).toBe(true);
        // The game gets the width: all of it on a phone, all but the side panel on a desktop.
        expect(m.canvas && m.canvas.width >= viewport.width * (viewport.width < 900 ? 0.9 : 0.65)).toBe(true);
        expect(m.canvas && Math.abs(m.canvas.width / m.canvas.height - 1.6) < 0.02).toBe(true);
        expect(m.zap !== undefined && m.zap <= viewport.height).toBe(true); // zap within the first screen
        const pid = await me(page);
        const session = arena.app.tether.engine.store.byPlayer(pid)[0]?.sessionId;
        expect(m.session).toBe(session);
        expect(m.rtt).toMatch(/^\d+\.\d ms$/);
        const shot = join(outDir, `arena-${viewport.width}x${viewport.height}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        console.log(`arena layout ${label}: ${JSON.stringify(m)}; screenshot ${shot}`);
        await page.close();
      } finally {
        await arena.close();
      }
    }, 60_000);
  }

  describe("two players", () => {
    let arena: ArenaServer;
    let ada: Page;
    let ben: Page;
    /** Each resume as the server saw it: the session's last issued pushId then, and what it replayed. */
    const resumes: { playerId: number; lastIssued: number; replayed: number }[] = [];
    beforeAll(async () => {
      const hooks = {
        onSessionResume: (s: SessionView, outcome: ResumeOutcome) =>
          resumes.push({ playerId: s.playerId, lastIssued: s.lastIssuedPushId, replayed: outcome.replayed }),
      };
      arena = await startArena(0, "127.0.0.1", { hooks }, { bots: 0, seed: 11 });
      ada = await play(arena.url, "ada");
      ben = await play(arena.url, "ben");
    });
    afterAll(async () => {
      await ada?.close();
      await ben?.close();
      await arena?.close();
    });

    it("see each other move: the canvas's pixels change where the other player is", async () => {
      const benId = await me(ben);
      const benColor = rgb(arena.app.world.players.get(benId)?.color ?? 0);
      const where = () => {
        const p = arena.app.world.players.get(benId);
        return { id: benId, x: p?.x ?? 0, y: p?.y ?? 0 };
      };
      /** Ada's page shows Ben at `at`. */
      const shownAt = (at: { id: number; x: number; y: number }) =>
        ada.waitForFunction((q) => {
          const p = window.arenaPage.model.positions.get(q.id);
          return p?.x === q.x && p?.y === q.y;
        }, at);
      const start = where();
      await shownAt(start);
      expect(near(await pixel(ada, start.x, start.y), benColor)).toBe(true);

      // Ben walks 120 units away from the nearer wall; Ada's canvas follows.
      const key = start.x < WIDTH / 2 ? "ArrowRight" : "ArrowLeft";
      await ben.keyboard.down(key);
      await ada.waitForFunction(
        (q) => Math.abs((window.arenaPage.model.positions.get(q.id)?.x ?? q.x) - q.x) >= 120,
        start,
      );
      await ben.keyboard.up(key);
      // Once the server has Ben standing still (a frame at a time) and Ada's page shows him there:
      for (let i = 0; i < 200 && (arena.app.world.players.get(benId)?.dx ?? 1) !== 0; i++)
        await ada.evaluate(() => new Promise(requestAnimationFrame));
      const end = where();
      await shownAt(end);
      expect(Math.abs(end.x - start.x)).toBeGreaterThanOrEqual(120);
      expect(near(await pixel(ada, end.x, end.y), benColor)).toBe(true);
      expect(near(await pixel(ada, start.x, start.y), benColor)).toBe(false);
      await ada.screenshot({ path: join(outDir, "arena-two-players.png") });
      console.log(`arena: ben moved from ${JSON.stringify(start)} to ${JSON.stringify(end)} on ada's canvas`);
    });

    it("going offline while six events happen shows 'resumed, 6 replayed' and the world catches up", async () => {
      resumes.length = 0;
      await ada.fill("#offline-seconds", "2");
      await ada.click("#offline");
      await ada.waitForFunction(() => document.getElementById("state")?.dataset.kind === "reconnecting");
      const before = await revisionOf(ada);
      expect(before).toBe(arena.app.world.revision);
      // Three bots join and leave: six reliable events Ada misses.
      arena.app.bots.setCount(3);
      arena.app.bots.setCount(0);
      expect(arena.app.world.revision).toBe(before + 6);
      await ada.waitForFunction(() => document.getElementById("state")?.textContent?.startsWith("resumed"));
      expect(await stateText(ada)).toBe("resumed, 6 replayed");
      expect(await ada.textContent("#lab-replayed")).toBe("6");
      expect(resumes.map((r) => r.replayed)).toEqual([6]);
      await expectSameWorld(ada, arena);
      await expectSameWorld(ben, arena);
      expect(await ada.textContent("#lab-revision")).toBe(String(arena.app.world.revision));
      await ada.screenshot({ path: join(outDir, "arena-resumed.png") });
    });

    it("the Cut button resumes with N replayed, N being exactly the pushes issued after the last one the page applied", async () => {
      // A bot plays, so that events keep coming while the connection is cut.
      arena.app.bots.setCount(1);
      const adaId = await me(ada);
      await ada.waitForFunction((r) => window.arenaPage.model.revision > r, await revisionOf(ada));
      const appliedAtCut = ada.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const page = window.arenaPage as unknown as { client(): { lastAppliedPushId: number } };
            const check = setInterval(() => {
              if (document.getElementById("state")?.dataset.kind === "ready") return;
              clearInterval(check);
              resolve(page.client().lastAppliedPushId);
            }, 0);
          }),
      );
      resumes.length = 0;
      await ada.click("#cut");
      const applied = await appliedAtCut;
      await ada.waitForFunction(() => document.getElementById("state")?.textContent?.startsWith("resumed"));
      const n = Number((await stateText(ada))?.match(/^resumed, (\d+) replayed$/)?.[1]);
      const seen = resumes.find((r) => r.playerId === adaId);
      expect(seen).toBeDefined();
      expect(n).toBe((seen?.lastIssued ?? 0) - applied);
      expect(await ada.textContent("#lab-replayed")).toBe(String(n));
      arena.app.bots.setCount(0);
      await expectSameWorld(ada, arena);
      console.log(
        `arena cut: resumed, ${n} replayed (applied ${applied} at the cut, ${seen?.lastIssued} issued at the resume)`,
      );
    });

    it("a reload resumes the session from what the tab stored, with what it missed replayed", async () => {
      const session = arena.app.tether.engine.store.byPlayer(await me(ben))[0]?.sessionId;
      await ben.reload();
      await ben.waitForFunction(() => window.arenaReady === true);
      await ben.waitForFunction(() => document.getElementById("state")?.textContent?.startsWith("resumed"));
      expect(await stateText(ben)).toMatch(/^resumed, \d+ replayed$/);
      expect(await ben.textContent("#lab-session")).toBe(session);
      await expectSameWorld(ben, arena);
    });
  });
});
