import { CloseCode, ErrorCode, isTetherError, nobleCrypto, toHex } from "@tether/protocol";
import { ManualClock } from "@tether/testkit";
import { describe, expect, it } from "vitest";
import { backoffDelay, type ClientState, localStorageStore, type StorageLike } from "../src/index.js";
import { echo, forgetServer, makeClient, nextEvent, startEcho, stateReached } from "./support.js";

/** Counts calls; `done` resolves at the n-th. */
function count(n: number): { hit: () => void; done: Promise<void> } {
  let seen = 0;
  let resolve: () => void = () => {};
  const done = new Promise<void>((r) => (resolve = r));
  return { hit: () => ++seen === n && resolve(), done };
}

describe("TetherClient against the conformance server", () => {
  it("connects through hello and resume to ready, and answers typed requests", async () => {
    const server = await startEcho();
    const { client } = makeClient(server.url);
    const states: ClientState["kind"][] = [];
    client.on("state", (s) => states.push(s.kind));
    await client.connect();
    expect(states).toEqual(["connecting", "handshaking", "authenticating", "ready"]);
    const r = await client.request(1000, echo.EchoReq, { text: "hi" }, echo.EchoResp);
    expect(r.text).toBe("hi");
  });

  it("applies numbered pushes without ACK_REQUIRED (a CivGenesis-mode server) in order and acknowledges them", async () => {
    const server = await startEcho("--compat", "civgenesis");
    const { client } = makeClient(server.url, { ackDelayMs: 0 });
    await client.connect();
    const seen: [number, number][] = [];
    const three = count(3);
    client.onPush(2001, echo.PushMsg, (m, meta) => {
      seen.push([m.index, meta.pushId]);
      three.hit();
    });
    await client.request(1001, echo.PushMeReq, { count: 3, reliable: false }, echo.PushMeResp);
    await three.done;
    const base = seen[0]?.[1] ?? 0;
    expect(base).toBeGreaterThan(0);
    expect(seen).toEqual([
      [0, base],
      [1, base + 1],
      [2, base + 2],
    ]);
    const session = server.engine.store.byKey("1");
    for (let i = 0; i < 50 && session?.lastAckedPushId !== base + 2; i++)
      await client.request(1011, echo.Empty, {}, echo.EchoResp);
    expect(session?.lastAckedPushId).toBe(base + 2);
  });

  it("rejects a failed request with a TetherError carrying code, message, retryable and detail", async () => {
    const { client } = makeClient((await startEcho()).url);
    await client.connect();
    const e = await client
      .request(1002, echo.FailReq, { code: 10001, message: "no" }, echo.Empty)
      .catch((x: unknown) => x);
    expect(isTetherError(e)).toBe(true);
    expect(e).toMatchObject({ code: 10001, message: "no", retryable: false, detail: { route: "fail" } });
  });

  it("delivers reliable pushes in order and ACKs only after the handler finished", async () => {
    const server = await startEcho();
    const { client } = makeClient(server.url, { ackDelayMs: 0 });
    const seen: number[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    await client.connect();
    const three = count(3);
    client.onPush(2001, echo.PushMsg, async (m, meta) => {
      seen.push(m.index);
      three.hit();
      if (meta.pushId === 1) await gate;
    });
    await client.request(1001, echo.PushMeReq, { count: 3, reliable: true }, echo.PushMeResp);
    const session = server.engine.store.byKey("1");
    // A request piggy-backs any due ACK; once it is answered the server has seen it.
    await client.request(1011, echo.Empty, {}, echo.EchoResp);
    expect(seen).toEqual([0]);
    expect(session?.lastAckedPushId).toBe(0);
    release();
    await three.done;
    // Round trips (not sleeps) until the batched ACK has reached the server.
    for (let i = 0; i < 50 && session?.lastAckedPushId !== 3; i++)
      await client.request(1011, echo.Empty, {}, echo.EchoResp);
    expect(seen).toEqual([0, 1, 2]);
    expect(session?.lastAckedPushId).toBe(3);
    // What the client shows of it: the session it is bound to, applied and acknowledged.
    expect(client.sessionId).toBe(session?.sessionId);
    expect(client.lastAppliedPushId).toBe(3);
    expect(client.lastAckedPushId).toBe(3);
  });

  it("resumes after a network cut, replays what it missed, and re-sends a pending request once", async () => {
    const server = await startEcho();
    const { client, transport } = makeClient(server.url);
    const seen: number[] = [];
    const three = count(3);
    client.onPush(2001, echo.PushMsg, (m) => {
      seen.push(m.index);
      three.hit();
    });
    await client.connect();
    const slow = client.request(1003, echo.SlowReq, { ms: 100 }, echo.SlowResp);
    transport.cut();
    const session = server.engine.store.byKey("1");
    if (!session) throw new Error("no session");
    for (let i = 0; i < 3; i++) server.engine.push(session, 2001, echo.PushMsg.encode({ index: i }).finish());
    const resumed = await nextEvent(client, "resumed");
    expect(resumed).toEqual({ replayed: 3 });
    await slow;
    await three.done;
    expect(seen).toEqual([0, 1, 2]);
  });

  it("detects a server that stops answering without closing, reconnects and resumes", async () => {
    const server = await startEcho("--heartbeat-interval-ms", "20000");
    const clock = new ManualClock();
    const { client, transport } = makeClient(server.url, {
      clock,
      heartbeatTimeoutMs: 10_000,
      reconnect: { minDelayMs: 1000, maxDelayMs: 1000 },
      random: () => 0.5,
    });
    await client.connect();
    transport.blackHole = true;
    clock.advance(20_000); // the server's interval of silence: the client PINGs into the black hole
    expect(client.state.kind).toBe("ready");
    clock.advance(10_000); // nothing within heartbeatTimeoutMs of the PING: the link is dead
    expect(client.state).toEqual({ kind: "reconnecting", attempt: 1, delayMs: 500 });
    transport.blackHole = false;
    const resumed = nextEvent(client, "resumed");
    clock.advance(500);
    const r = await resumed;
    expect(r).toEqual({ replayed: 0 });
    expect((await client.request(1000, echo.EchoReq, { text: "back" }, echo.EchoResp)).text).toBe("back");
  });

  it("does not reconnect after a kick: state closed with 4501 and a kicked event", async () => {
    const server = await startEcho();
    const { client } = makeClient(server.url);
    await client.connect();
    const kicked = nextEvent(client, "kicked");
    await server.gateway.kick({ playerId: 1 }, "bye");
    expect(await kicked).toEqual({ code: CloseCode.KICKED, reason: "bye" });
    await stateReached(client, "closed");
    expect(client.state).toEqual({ kind: "closed", code: 4501, reason: "bye" });
  });

  it("after a server restart: NEED_FULL_SYNC, baseline adopted, snapshot applied, pending requests expire", async () => {
    const server = await startEcho();
    const port = server.port;
    const { client } = makeClient(server.url);
    const snapshots: number[] = [];
    client.onSnapshot((s) => {
      snapshots.push(echo.CounterSnapshot.decode(s).revision);
    });
    await client.connect();
    await client.request(1007, echo.Empty, {}, echo.CounterResp);
    expect(snapshots).toEqual([0]); // a first connection has no session: it syncs too
    const pending = client.request(1003, echo.SlowReq, { ms: 2000 }, echo.SlowResp).catch((e: unknown) => e);
    forgetServer(server);
    await server.close({ drainMs: 0 });
    const again = await startEcho("--port", String(port));
    expect(again.port).toBe(port);
    const synced = await nextEvent(client, "synced");
    expect(synced).toEqual({ revision: 0 });
    expect(snapshots).toEqual([0, 0]);
    expect(await pending).toMatchObject({ code: ErrorCode.SESSION_EXPIRED });
    expect(client.lastAppliedPushId).toBe(1);
    expect((await client.request(1007, echo.Empty, {}, echo.CounterResp)).revision).toBe(1);
  });

  it("refuses a server whose signature does not match the pinned key, with a clear error", async () => {
    const seed = nobleCrypto.randomBytes(32);
    const server = await startEcho("--signing-key", toHex(seed));
    const wrong = nobleCrypto.ed25519PublicKey(nobleCrypto.randomBytes(32));
    const { client } = makeClient(server.url, { encryption: { serverPublicKey: wrong } });
    const error = nextEvent(client, "error");
    await expect(client.connect()).rejects.toThrow();
    expect((await error) as unknown).toMatchObject({ error: { code: ErrorCode.UNSUPPORTED_PROTOCOL } });
    expect(client.state.kind).toBe("closed");
  });

  it.each(["CHACHA20_POLY1305", "AES_256_GCM"] as const)("works sealed with %s and a pinned key", async (cipher) => {
    const seed = nobleCrypto.randomBytes(32);
    const server = await startEcho("--signing-key", toHex(seed));
    const { client } = makeClient(server.url, {
      encryption: { ciphers: [cipher], serverPublicKey: nobleCrypto.ed25519PublicKey(seed) },
    });
    await client.connect();
    expect((await client.request(1000, echo.EchoReq, { text: "x".repeat(3000) }, echo.EchoResp)).text.length).toBe(
      3000,
    );
  });

  it("queues requests made while disconnected and sends them once ready", async () => {
    const server = await startEcho();
    const { client } = makeClient(server.url);
    const early = client.request(1000, echo.EchoReq, { text: "early" }, echo.EchoResp);
    await client.connect();
    expect((await early).text).toBe("early");
  });

  it("logs out (4504, closed) and after close() a connect() resumes the same session", async () => {
    const server = await startEcho();
    const { client } = makeClient(server.url);
    await client.connect();
    const who = await client.request(1009, echo.Empty, {}, echo.WhoamiResp);
    client.close();
    await stateReached(client, "closed");
    await client.connect();
    expect((await client.request(1009, echo.Empty, {}, echo.WhoamiResp)).sessionId).toBe(who.sessionId);
    await client.logout();
    await stateReached(client, "closed");
    expect(client.state).toMatchObject({ kind: "closed", code: CloseCode.LOGGED_OUT });
    expect(server.engine.store.byKey("1")).toBeUndefined();
  });

  it("honours the server's in-flight cap by queueing beyond it", async () => {
    const server = await startEcho("--max-in-flight", "2");
    const { client } = makeClient(server.url);
    await client.connect();
    const all = await Promise.all(
      [1, 2, 3, 4, 5].map(() => client.request(1003, echo.SlowReq, { ms: 20 }, echo.SlowResp)),
    );
    expect(all.length).toBe(5);
  });

  it("rejects a request larger than the server's max_frame_bytes with PAYLOAD_TOO_LARGE", async () => {
    const server = await startEcho("--max-frame-bytes", "1024");
    const { client } = makeClient(server.url, { compression: false });
    await client.connect();
    const e = await client
      .request(1000, echo.EchoReq, { text: "y".repeat(5000) }, echo.EchoResp)
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: ErrorCode.PAYLOAD_TOO_LARGE });
  });

  it("falls back to plain delivery when the server has no snapshots, instead of holding pushes", async () => {
    const server = await startEcho("--no-snapshots");
    const { client } = makeClient(server.url);
    client.onSnapshot(() => {});
    const got: number[] = [];
    const one = count(1);
    client.onPush(2001, echo.PushMsg, (m) => {
      got.push(m.index);
      one.hit();
    });
    const error = nextEvent(client, "error");
    await client.connect();
    expect(await error).toMatchObject({ error: { code: ErrorCode.SYNC_UNSUPPORTED } });
    await client.request(1001, echo.PushMeReq, { count: 1, reliable: true }, echo.PushMeResp);
    await one.done;
    expect(got).toEqual([0]);
  });

  it("runs one connection attempt at a time when connect() follows close() at once", async () => {
    const server = await startEcho();
    const { client } = makeClient(server.url);
    const states: string[] = [];
    client.on("state", (s) => states.push(s.kind));
    void client.connect().catch(() => {});
    client.close();
    await client.connect();
    expect(states.filter((s) => s === "closed").length).toBe(1);
    expect(server.connectionCount).toBe(1);
  });

  it("rejects connect() with the cause when the token is refused", async () => {
    const server = await startEcho();
    const { client } = makeClient(server.url, { token: "not a token" });
    await expect(client.connect()).rejects.toMatchObject({ code: ErrorCode.UNAUTHORIZED });
    expect(client.state).toMatchObject({ kind: "closed", code: CloseCode.UNAUTHORIZED });
  });

  it("sends one-way notifies", async () => {
    const { client } = makeClient((await startEcho()).url);
    await client.connect();
    client.notify(1012, echo.EchoReq, { text: "n1" });
    const notes = await client.request(1013, echo.Empty, {}, echo.NotesResp);
    expect(notes.texts).toEqual(["n1"]);
  });
});

describe("client stores and backoff", () => {
  it("keeps lastAppliedPushId, the client instance and the seq counter in a Storage", async () => {
    const map = new Map<string, string>();
    const storage: StorageLike = {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    };
    const server = await startEcho();
    const { client } = makeClient(server.url, { store: localStorageStore("t", storage) });
    const two = count(2);
    client.onPush(2001, echo.PushMsg, () => two.hit());
    await client.connect();
    await client.request(1001, echo.PushMeReq, { count: 2, reliable: true }, echo.PushMeResp);
    await two.done;
    await client.request(1011, echo.Empty, {}, echo.EchoResp); // the pipeline has recorded push 2 by now
    const saved = JSON.parse(map.get("t") ?? "{}");
    expect(saved.lastAppliedPushId).toBe(2);
    expect(saved.clientInstance).toMatch(/^[0-9a-f]{32}$/);
    expect(saved.nextSeq).toBeGreaterThan(3);
  });

  it("draws full-jitter delays below min * 2^attempt, capped at max", () => {
    expect(backoffDelay(0, 500, 20000, () => 0.999)).toBe(499);
    expect(backoffDelay(3, 500, 20000, () => 0.5)).toBe(2000);
    expect(backoffDelay(10, 500, 20000, () => 0.999)).toBe(19980);
    expect(backoffDelay(3, 500, 20000, () => 0)).toBe(0);
  });
});

describe("refusals the server decides", () => {
  it("rejects connect() with UNSUPPORTED_PROTOCOL when the server requires encryption the client does not offer", async () => {
    const server = await startEcho("--require-encryption");
    const { client } = makeClient(server.url);
    const error = nextEvent(client, "error");
    await expect(client.connect()).rejects.toMatchObject({ code: ErrorCode.UNSUPPORTED_PROTOCOL });
    expect(await error).toMatchObject({ error: { code: ErrorCode.UNSUPPORTED_PROTOCOL } });
  });
});
