/**
 * The attack scripts of the fuzz suite (fuzz.test.ts): what one attacker does on one connection,
 * from garbage bytes to hostile ClientHellos to deep request sequences.
 */
import { FrameFlag, FrameType, fflateGzip, hasFlag, LoginReq, LoginResp, ResumeResp } from "@tether/protocol";
import { SERVER_MAX_FRAME } from "./echo-process.js";
import { hostileHello } from "./hostile-hello.js";
import { looseFrame } from "./loose-frames.js";
import { mutatedVector, VALID_VECTORS } from "./mutated-vectors.js";
import { attackerToken, describePayload, echo, payloadFor, touchesBystander } from "./payloads.js";
import { type RawConn, turn } from "./raw-conn.js";
import type { Rng } from "./rng.js";

/** A gzip member that inflates to 4 MiB of zeros (a bomb for a 64 KiB frame limit). */
const GZIP_BOMB = fflateGzip.compress(new Uint8Array(4 << 20));

/** What every attack script gets besides its connection and generator. */
export interface AttackContext {
  readonly avoidKnown: boolean;
  readonly serverEpoch: string;
  /** Counts one action; false once the attack must stop (budget, cap, or the server is gone). */
  act(): boolean;
}

export type Script = (conn: RawConn, rng: Rng, ctx: AttackContext) => Promise<void>;

/** Waits for a RESP to `seq`, at most `ms` (resolves early when the connection closes). */
function answer(conn: RawConn, seq: number, ms: number) {
  return conn.waitFrame((f) => f.type === FrameType.RESP && f.seq === seq, ms);
}

// ---- the attacks -------------------------------------------------------------------------------

/** Random bytes, text and empty messages, golden vectors as they are and mutated. */
export const garbage: Script = async (conn, rng, ctx) => {
  if (rng.chance(0.2)) await conn.hello(hostileHello(rng, { avoidTiny: true, tame: true }), 1, 2000);
  if (rng.chance(0.35)) {
    conn.sendFrame("login", {
      type: FrameType.REQ,
      msgId: 2,
      seq: 2,
      payload: LoginReq.encode({ token: attackerToken(rng) }).finish(),
    });
    await answer(conn, 2, 2000);
  }
  for (let n = rng.int(1, 30); n > 0 && conn.open && ctx.act(); n--) {
    const r = rng.float();
    if (r < 0.3) {
      const len = rng.chance(0.03) ? rng.pick([SERVER_MAX_FRAME, SERVER_MAX_FRAME + 1, 70_000]) : rng.size(400);
      conn.send("random bytes", rng.bytes(len));
    } else if (r < 0.85) {
      const m = mutatedVector(rng);
      conn.send(m.desc, m.bytes);
    } else if (r < 0.9) {
      conn.send("text", rng.text(100));
    } else if (r < 0.95) {
      conn.send("empty", new Uint8Array(0));
    } else {
      conn.send("valid vector", rng.pick(VALID_VECTORS));
    }
    await turn();
  }
  if (conn.open && rng.chance(0.5)) await conn.waitFrame(() => false, 300); // let the server close us
};

/** A hostile ClientHello, then a little traffic that has to respect what was (or was not) agreed. */
export const hellos: Script = async (conn, rng, ctx) => {
  if (!ctx.act()) return;
  const plan = hostileHello(rng, { avoidTiny: ctx.avoidKnown });
  const seq = rng.pick([1, 1, 1, 1, 0, 2 ** 31, 2 ** 53 - 1]);
  if (rng.chance(0.1)) {
    // Something right behind the hello, before its RESP (a client that offered an AEAD must not).
    conn.send(`${plan.desc} seq=${seq}`, looseFrame({ msgId: 1, seq, payload: plan.bytes }));
    conn.sendFrame("PING behind the hello", { type: FrameType.PING, payload: rng.bytes(rng.size(64)) });
    await turn();
  } else {
    await conn.hello(plan, seq, 2000);
  }
  let next = 10;
  for (let n = rng.int(0, 14); n > 0 && conn.open && ctx.act(); n--) {
    const r = rng.float();
    const s = ++next;
    const asked = r >= 0.3 && r < 0.75;
    if (r < 0.25) {
      const big = rng.chance(0.05);
      conn.sendFrame("PING", {
        type: FrameType.PING,
        payload: rng.bytes(big ? rng.int(60_000, 70_000) : rng.size(2000)),
      });
    } else if (r < 0.3) {
      conn.sendFrame("PONG", { type: FrameType.PONG, payload: rng.bytes(rng.size(64)) });
    } else if (r < 0.45) {
      conn.sendFrame("login", {
        type: FrameType.REQ,
        msgId: 2,
        seq: s,
        payload: LoginReq.encode({ token: attackerToken(rng) }).finish(),
      });
      await answer(conn, s, 1500);
    } else if (r < 0.6) {
      const text = rng.chance(0.2) ? "e".repeat(rng.int(100, 60_000)) : rng.text(100);
      conn.sendFrame("echo", {
        type: FrameType.REQ,
        msgId: 1000,
        seq: s,
        payload: echo.EchoReq.encode({ text }).finish(),
      });
    } else if (r < 0.75) {
      const req = {
        count: rng.int(0, 5),
        reliable: rng.chance(0.5),
        padBytes: rng.pick([0, 10, 300, 1000, 5000, 20_000]),
        compressHint: rng.chance(0.5),
      };
      conn.sendFrame(`PushMe ${JSON.stringify(req)}`, {
        type: FrameType.REQ,
        msgId: 1001,
        seq: s,
        payload: echo.PushMeReq.encode(req).finish(),
      });
    } else if (r < 0.82) {
      conn.sendFrame("ACK", { type: FrameType.ACK, pushId: rng.pick([conn.maxPushId, conn.maxPushId + 1, 1]) });
    } else if (r < 0.88) {
      const again = hostileHello(rng, { avoidTiny: ctx.avoidKnown });
      conn.sendFrame(`second ${again.desc}`, { type: FrameType.REQ, msgId: 1, seq: s, payload: again.bytes });
    } else {
      const msgId = rng.pick([3, 4, 7, 1002, 1007, 1009, 1011, 1013, rng.int(1, 2000)]);
      const payload = payloadFor(rng, msgId, {
        serverEpoch: ctx.serverEpoch,
        lastPushId: conn.maxPushId,
        avoidKnown: true,
      });
      if (!touchesBystander(msgId, payload)) {
        conn.sendFrame(`REQ ${msgId} seq=${s} ${describePayload(msgId, payload)}`, {
          type: FrameType.REQ,
          msgId,
          seq: s,
          payload,
        });
      }
    }
    if (asked && rng.chance(0.3)) await answer(conn, s, 1000);
    else await turn();
  }
  if (conn.open && rng.chance(0.5)) await conn.waitFrame(() => false, 150);
};

const MSG_IDS_NEAR_ROUTES = Array.from({ length: 14 }, (_, i) => 1000 + i);

function pickMsgId(rng: Rng, allowFatal: boolean): number {
  const r = rng.float();
  if (r < 0.45) return rng.pick(MSG_IDS_NEAR_ROUTES);
  if (r < 0.55) return rng.pick([1, 2, 3, 4, 5, 6, 7, 8, 999]);
  if (r < 0.65) return rng.int(990, 1020);
  if (r < 0.95 || !allowFatal) return rng.int(1, 2000);
  return rng.pick([0, 2001, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1]);
}

/**
 * Requests of every kind in random order, with random seqs (repeats, notifies, huge ones) and
 * ACKs, across hellos, logins, resumes, account switches and reconnects. Most connections are
 * "clean" (nothing that is fatal by the rules, so sessions get deep) and may end with one fatal
 * input; the others mix fatal inputs in anywhere.
 */
export const requests: Script = async (conn, rng, ctx) => {
  const clean = rng.chance(0.75);
  if (rng.chance(0.6)) await conn.hello(hostileHello(rng, { avoidTiny: true, tame: true }), 1, 2000);
  let seq = rng.pick([1, 1, 100, rng.int(1, 5000)]);
  const recent: number[] = [];
  /** The highest pushId this connection's current session may be acknowledged up to. */
  let ackable = 0;
  conn.onFrame((f) => {
    if (f.type === FrameType.PUSH && f.pushId > ackable) ackable = f.pushId;
  });
  /** Sends Login (2) or Resume (3) and, on success, adopts the new session's baseline. */
  const authenticate = async (msgId: number) => {
    const payload = payloadFor(rng, msgId, { serverEpoch: ctx.serverEpoch, lastPushId: ackable, avoidKnown: true });
    if (touchesBystander(msgId, payload)) return;
    const s = ++seq;
    conn.sendFrame(`${msgId === 2 ? "login" : "resume"} seq=${s} ${describePayload(msgId, payload)}`, {
      type: FrameType.REQ,
      msgId,
      seq: s,
      payload,
    });
    const resp = await answer(conn, s, 2000);
    if (resp === undefined || hasFlag(resp.flags, FrameFlag.ERROR)) return;
    try {
      ackable =
        msgId === 2
          ? LoginResp.decode(resp.payload).lastIssuedPushId
          : Math.min(ResumeResp.decode(resp.payload).maxBufferedPushId, ackable);
    } catch {}
  };
  if (rng.chance(0.8)) await authenticate(rng.chance(0.6) ? 2 : 3);

  const steps = rng.int(1, 150);
  for (let n = steps; n > 0 && conn.open && ctx.act(); n--) {
    const fatal = !clean || (n === 1 && rng.chance(0.3)); // may this step break a rule?
    const r = rng.float();
    let waitFor = 0;
    if (r < 0.62) {
      const msgId = pickMsgId(rng, fatal);
      if (msgId === 2 || msgId === 3) {
        await authenticate(msgId);
        continue;
      }
      if (msgId === 7 && !fatal) continue; // Logout closes the connection
      const q = rng.float();
      const s =
        q < 0.45
          ? ++seq
          : q < 0.6
            ? (recent[rng.int(0, Math.max(0, recent.length - 1))] ?? seq)
            : q < 0.75
              ? 0
              : q < 0.9
                ? rng.int(1, 10_000)
                : rng.pick([2 ** 32, 2 ** 53 - 1]);
      if (s > 0) recent.push(s);
      if (recent.length > 20) recent.shift();
      let payload = payloadFor(rng, msgId, {
        serverEpoch: ctx.serverEpoch,
        lastPushId: ackable,
        avoidKnown: ctx.avoidKnown,
      });
      if (touchesBystander(msgId, payload)) continue;
      if (!fatal && payload.length > 60_000) payload = payload.subarray(0, 1000);
      const a = rng.float();
      const ackPushId =
        a < 0.7
          ? 0
          : a < 0.85 || !fatal
            ? rng.int(0, ackable)
            : a < 0.95
              ? ackable + rng.int(1, 3)
              : rng.pick([1e9, 2 ** 53 - 1]);
      const odd = fatal && rng.chance(0.08) && !conn.codec?.sealed;
      const desc = `REQ ${msgId} seq=${s} ack=${ackPushId}${odd ? " odd" : ""} ${describePayload(msgId, payload)}`;
      if (odd) {
        const flags = rng.pick([
          FrameFlag.ERROR,
          FrameFlag.COMPRESS,
          FrameFlag.ENCRYPT,
          FrameFlag.ACK_REQUIRED,
          FrameFlag.REPLAY,
          2 ** 40,
        ]);
        conn.send(desc, looseFrame({ msgId, seq: s, payload, ackPushId, flags, ackSeq: rng.int(0, seq + 5) }));
      } else {
        conn.sendFrame(desc, { type: FrameType.REQ, msgId, seq: s, payload, ackPushId });
      }
      if (s > 0 && rng.chance(0.25)) waitFor = s;
    } else if (r < 0.72) {
      const pushId = fatal
        ? rng.pick([ackable, ackable + 1, rng.int(0, 5000), 2 ** 53 - 1])
        : rng.pick([ackable, rng.int(0, ackable), 0]);
      conn.sendFrame(`ACK ${pushId}`, { type: FrameType.ACK, pushId });
    } else if (r < 0.8) {
      const type = rng.chance(0.8) ? FrameType.PING : FrameType.PONG;
      conn.sendFrame(type === FrameType.PING ? "PING" : "PONG", { type, payload: rng.bytes(rng.size(300)) });
    } else if (r < 0.88) {
      const msgId = rng.pick([2, 2, 3, 3, 4, 4, 1, 7]);
      if (msgId === 2 || msgId === 3) await authenticate(msgId);
      else if (msgId !== 7 || fatal) {
        const payload = payloadFor(rng, msgId, { serverEpoch: ctx.serverEpoch, lastPushId: ackable, avoidKnown: true });
        const s = ++seq;
        conn.sendFrame(`system ${msgId} seq=${s} ${describePayload(msgId, payload)}`, {
          type: FrameType.REQ,
          msgId,
          seq: s,
          payload,
        });
        waitFor = s;
      }
    } else if (!fatal) {
      const s = ++seq;
      const msgId = rng.pick([1000, 1001, 1007, 1009, 1013]);
      const payload = payloadFor(rng, msgId, { serverEpoch: ctx.serverEpoch, lastPushId: ackable, avoidKnown: true });
      conn.sendFrame(`REQ ${msgId} seq=${s} ${describePayload(msgId, payload)}`, {
        type: FrameType.REQ,
        msgId,
        seq: s,
        payload,
        ackPushId: ackable,
      });
    } else if (r < 0.93 && conn.helloResp?.selectedCompression === 3) {
      // A payload flagged COMPRESS: a bomb, a broken member, or plain bytes that are not gzip.
      const body = rng.pick([
        GZIP_BOMB,
        GZIP_BOMB.subarray(0, rng.int(1, GZIP_BOMB.length - 1)),
        rng.bytes(rng.size(100)),
      ]);
      const s = ++seq;
      conn.sendFrame(`compressed REQ 1000 seq=${s} (${body.length} bytes)`, {
        type: FrameType.REQ,
        msgId: 1000,
        seq: s,
        flags: FrameFlag.COMPRESS,
        payload: body,
        compress: false,
      });
    } else if (r < 0.96) {
      const m = mutatedVector(rng);
      conn.send(m.desc, m.bytes);
    } else {
      conn.send("random bytes", rng.bytes(rng.size(300)));
    }
    if (waitFor > 0) await answer(conn, waitFor, 1500);
    else await turn();
  }
  if (conn.open && rng.chance(0.5)) await conn.waitFrame(() => false, 150);
};
