/**
 * A client in a browser page: it reconnects at once on the page's `online` event and when a
 * hidden tab becomes visible, instead of waiting out its backoff; `reconnectNow()` does the same
 * for a game that knows better; and a dead link is noticed within 10 s by default.
 */
import { ManualClock } from "@tether/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { Heartbeat } from "../src/heartbeat.js";
import { resolveClientOptions } from "../src/options.js";
import { makeClient, startEcho, stateReached } from "./support.js";

/** The window and document of a page, as far as the client looks at them. */
class FakePage {
  readonly window = new EventTarget();
  readonly document = Object.assign(new EventTarget(), { visibilityState: "hidden" });

  install(): void {
    const g = globalThis as Record<string, unknown>;
    g.addEventListener = this.window.addEventListener.bind(this.window);
    g.removeEventListener = this.window.removeEventListener.bind(this.window);
    g.document = this.document;
  }
}

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.addEventListener;
  delete g.removeEventListener;
  delete g.document;
});

const SLOW = { reconnect: { minDelayMs: 60_000, maxDelayMs: 60_000 } };

describe("a client in a page", () => {
  it("reconnects at once on `online` and when the tab becomes visible, not after its 60 s backoff", async () => {
    const page = new FakePage();
    page.install();
    const server = await startEcho();
    const { client, transport } = makeClient(server.url, SLOW);
    await client.connect();
    for (const signal of ["online", "visible"] as const) {
      transport.cut();
      await stateReached(client, "reconnecting");
      expect(client.state).toMatchObject({ kind: "reconnecting" });
      if (signal === "online") page.window.dispatchEvent(new Event("online"));
      else {
        page.document.visibilityState = "visible";
        page.document.dispatchEvent(new Event("visibilitychange"));
      }
      await stateReached(client, "ready");
    }
  });

  it("notices a dead link within 10 s by default: a PING after 5 s of silence, then 5 s for an answer", () => {
    new FakePage().install();
    const o = resolveClientOptions({ url: "ws://127.0.0.1:1/ws", token: "p:1" });
    expect([o.pingAfterSilenceMs, o.heartbeatTimeoutMs]).toEqual([5_000, 5_000]);
    const clock = new ManualClock(0);
    const heartbeat = new Heartbeat(clock);
    let deadAt: number | undefined;
    const serverInterval = 25_000;
    heartbeat.start(
      {
        ping: () => {},
        dead: () => {
          deadAt = clock.now();
          heartbeat.stop();
        },
      },
      Math.min(serverInterval, o.pingAfterSilenceMs ?? serverInterval),
      o.heartbeatTimeoutMs,
    );
    clock.advance(10_000);
    expect(deadAt).toBeLessThanOrEqual(10_000);
  });

  it("keeps the server's interval outside a page (Node), and the 10 s timeout", () => {
    const o = resolveClientOptions({ url: "ws://127.0.0.1:1/ws", token: "p:1" });
    expect([o.pingAfterSilenceMs, o.heartbeatTimeoutMs]).toEqual([undefined, 10_000]);
  });
});

describe("reconnectNow()", () => {
  it("ends a backoff wait at once, and is harmless when connected or closed", async () => {
    const server = await startEcho();
    const { client, transport } = makeClient(server.url, SLOW);
    await client.connect();
    client.reconnectNow(); // connected: a PING, answered
    transport.cut();
    await stateReached(client, "reconnecting");
    client.reconnectNow();
    await stateReached(client, "ready");
    client.close();
    client.reconnectNow();
    expect(client.state.kind).toBe("closed");
  });
});
