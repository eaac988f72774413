import { afterEach, describe, expect, it } from "vitest";
import { END_SESSION, SET_ATTACHED } from "../src/scripts.js";
import { TestCluster } from "./support/nodes.js";

let cluster: TestCluster;
afterEach(async () => {
  await cluster.closeAll();
});

type Eval = (script: string, keys: number, ...args: (string | number)[]) => Promise<number>;

describe("fencing", () => {
  it("refuses an old owner's writes once another node took the session over, and keeps the new owner's", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    const { sessionId } = await c1.login("p:1");
    const c2 = await cluster.client(b);
    await c2.resume({ token: "p:1", lastAppliedPushId: 0 });
    const db = await cluster.db();
    const k = a.cluster.keys;
    const keys = [k.session(1, sessionId), k.sessionKey(1, "1"), k.player(1), k.log(1, sessionId)];
    expect(await db.hmget(keys[0] as string, "owner", "fence")).toEqual(["b", "2"]);
    const run = (db as unknown as { eval: Eval }).eval.bind(db);

    // Node a still believes it owns the session with fence 1: nothing it writes lands.
    expect(await run(SET_ATTACHED, 4, ...keys, "a", "1", 0, 60_000, sessionId)).toBe(0);
    expect(await run(END_SESSION, 4, ...keys, "a", "1", sessionId)).toBe(0);
    expect(await db.hgetall(keys[0] as string)).toMatchObject({ owner: "b", fence: "2", attached: "1" });
    expect(await db.get(keys[1] as string)).toBe(sessionId);
    // The owner's own write with the current fence does.
    expect(await run(SET_ATTACHED, 4, ...keys, "b", "2", 0, 60_000, sessionId)).toBe(1);
    expect(await db.hget(keys[0] as string, "attached")).toBe("0");
  });
});
