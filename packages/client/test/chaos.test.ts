/**
 * Application-level chaos, bounded in count and time, on 127.0.0.1: the app's push handler sees
 * exactly 1..N (N = 5,000) in order while the client's socket is cut at random points at least
 * 20 times.
 */

import { prng } from "@tether/testkit";
import { describe, expect, it } from "vitest";
import { echo, makeClient, startEcho } from "./support.js";

describe("client chaos", () => {
  it("hands the app exactly 1..5000 in order across at least 20 random connection kills", async () => {
    const N = 5000;
    const server = await startEcho(
      "--push-window-count",
      "10000",
      "--push-window-bytes",
      "67108864",
      "--rate",
      "100000",
      "--burst",
      "100000",
    );
    const { client, transport } = makeClient(server.url, { ackDelayMs: 20 });
    const random = prng(7);
    const seen: number[] = [];
    let kills = 0;
    let resumes = 0;
    let untilKill = 20 + Math.floor(random() * 120);
    let finish: () => void = () => {};
    const finished = new Promise<void>((r) => (finish = r));
    client.on("resumed", () => resumes++);
    client.onPush(2001, echo.PushMsg, (m) => {
      seen.push(m.index + 1);
      if (seen.length === N) finish();
      else if (--untilKill <= 0 && client.state.kind === "ready" && transport.cut()) {
        kills++;
        untilKill = 20 + Math.floor(random() * 120);
      }
    });
    await client.connect();
    const session = server.engine.store.byKey("1");
    if (!session) throw new Error("no session");
    let issued = 0;
    const issue = () => {
      for (let i = 0; i < 25 && issued < N; i++)
        server.engine.push(session, 2001, echo.PushMsg.encode({ index: issued++ }).finish());
      if (issued < N) setTimeout(issue, 1);
    };
    issue();
    await finished;
    expect(kills).toBeGreaterThanOrEqual(20);
    // The last cut may come after the final pushes were already received: no resume needed then.
    expect(resumes).toBeGreaterThanOrEqual(kills - 1);
    expect(seen).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    console.log(`client chaos: ${N} pushes seen in order by the app across ${kills} cuts and ${resumes} resumes`);
  }, 60_000);
});
