/**
 * Fuzzing the conformance server as outside clients see it: `node examples/echo/dist/main.js`
 * runs as a child process on 127.0.0.1 (port 0), so "the process lives" is real. Each test is
 * one attack of a kind, bounded by a time budget and an action cap, replayable from its seed:
 *
 * - several attackers (raw WebSockets, reconnecting whenever closed) send their kind of input:
 *   random bytes and mutated golden vectors; hostile ClientHellos followed by traffic; random
 *   request sequences across hellos, logins, resumes and reconnects;
 * - meanwhile a bystander (p:999, sealed and compressed) keeps echoing and asking for reliable
 *   pushes, and must see its push stream exact: once each, in pushId order, no gap;
 * - afterwards: the process is alive, a fresh client logs in and echoes, its RSS is back under
 *   baseline + 150 MB, and no connection ever received a frame above the max_frame_bytes it
 *   negotiated, a frame it cannot decode (or open, or inflate within that limit), or a
 *   compressed or sealed frame without having received a ClientHelloResp.
 *
 * Replay: every connection's inputs are a function of FUZZ_SEED, the test, the attacker and
 * the connection's number (the server's answers and the interleaving still vary). On failure
 * the seed, the server's output tail and the last messages sent (hex, plain before sealing) are
 * printed.
 *
 * Environment: FUZZ_SEED (default below), FUZZ_ATTACK_MS (per test), FUZZ_MAX_ACTIONS (per
 * test), FUZZ_AVOID_KNOWN=1 to leave out the inputs of the known crashes (ClientHello
 * max_frame_bytes below 1024, PushMe pad_bytes above the frame limit) and look past them.
 */
import { FrameFlag, FrameType, fflateGzip, hasFlag, LoginReq, LoginResp, ResumeResp } from "@tether/protocol";
import { WsClient } from "@tether/testkit";
import { afterEach, describe, expect, it, onTestFailed } from "vitest";
import {
  ActionLog,
  attackerToken,
  Bystander,
  describePayload,
  EchoProcess,
  echo,
  Findings,
  hostileHello,
  looseFrame,
  mixSeed,
  mutatedVector,
  payloadFor,
  RawConn,
  Rng,
  touchesBystander,
  turn,
  VALID_VECTORS,
} from "./fuzz-support.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const ATTACK_MS = Number(process.env.FUZZ_ATTACK_MS ?? 8000);
const MAX_ACTIONS = Number(process.env.FUZZ_MAX_ACTIONS ?? 60_000);
const AVOID_KNOWN = process.env.FUZZ_AVOID_KNOWN === "1";
const ATTACKERS = 6;
/** The attack, then up to ~2 s for scripts to finish, the bystander's last round and the checks. */
const TEST_TIMEOUT_MS = ATTACK_MS + 30_000;
const SERVER_MAX_FRAME = 65_536;
const MEMORY_SLACK_BYTES = 150 * 1024 * 1024;
const SERVER_FLAGS = [
  "--max-frame-bytes",
  String(SERVER_MAX_FRAME),
  "--session-ttl-ms",
  "3000",
  "--auth-timeout-ms",
  "3000",
  "--request-timeout-ms",
  "2000",
  "--heartbeat-interval-ms",
  "1500",
  "--heartbeat-timeout-ms",
  "3000",
  "--push-window-count",
  "500",
  "--push-window-bytes",
  "262144",
  "--max-in-flight",
  "16",
  "--max-outbound-bytes",
  "1048576",
  "--rate",
  "1000",
  "--burst",
  "1000",
];

/** A gzip member that inflates to 4 MiB of zeros (a bomb for a 64 KiB frame limit). */
const GZIP_BOMB = fflateGzip.compress(new Uint8Array(4 << 20));

const processes: EchoProcess[] = [];
const sockets: { terminate(): void }[] = [];
const timers: NodeJS.Timeout[] = [];

afterEach(async () => {
  for (const t of timers.splice(0)) clearInterval(t);
  for (const s of sockets.splice(0)) s.terminate();
  await Promise.all(processes.splice(0).map((p) => p.kill()));
});

/** What every attack script gets besides its connection and generator. */
interface AttackContext {
  readonly avoidKnown: boolean;
  readonly serverEpoch: string;
  /** Counts one action; false once the attack must stop (budget, cap, or the server is gone). */
  act(): boolean;
}

type Script = (conn: RawConn, rng: Rng, ctx: AttackContext) => Promise<void>;

interface AttackStats {
  actions: number;
  connections: number;
  refused: number;
  closeCodes: Map<number, number>;
}

/** Waits for a RESP to `seq`, at most `ms` (resolves early when the connection closes). */
function answer(conn: RawConn, seq: number, ms: number) {
  return conn.waitFrame((f) => f.type === FrameType.RESP && f.seq === seq, ms);
}

// ---- the attacks -------------------------------------------------------------------------------

/** Random bytes, text and empty messages, golden vectors as they are and mutated. */
const garbage: Script = async (conn, rng, ctx) => {
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
const hellos: Script = async (conn, rng, ctx) => {
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
const requests: Script = async (conn, rng, ctx) => {
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

// ---- one attack, start to verdict --------------------------------------------------------------

async function fuzz(phase: string, phaseIndex: number, script: Script): Promise<void> {
  const seed = mixSeed(SEED, phaseIndex);
  const rng = new Rng(seed);
  const findings = new Findings();
  const log = new ActionLog();
  const stats: AttackStats = { actions: 0, connections: 0, refused: 0, closeCodes: new Map() };
  const proc = new EchoProcess(SERVER_FLAGS);
  processes.push(proc);
  let lastActionsBeforeExit: string[] | undefined;
  void proc.exited.then(() => {
    if (!proc.killedByTest) lastActionsBeforeExit = log.last(60);
  });
  const started = Date.now();
  onTestFailed(() => {
    const codes = [...stats.closeCodes].map(([c, n]) => `${c}x${n}`).join(" ");
    console.error(
      [
        `fuzz ${phase} FAILED: FUZZ_SEED=${SEED} (phase seed ${seed}), FUZZ_ATTACK_MS=${ATTACK_MS}, ` +
          `FUZZ_MAX_ACTIONS=${MAX_ACTIONS}, FUZZ_AVOID_KNOWN=${AVOID_KNOWN ? 1 : 0}`,
        `${stats.actions} actions on ${stats.connections} connections (${stats.refused} refused), closes: ${codes}`,
        proc.exit && !proc.killedByTest
          ? `echo EXITED code=${proc.exit.code} signal=${proc.exit.signal} after ${proc.exit.at - started} ms`
          : "echo was running until the test stopped it",
        `-- echo stdout/stderr (tail) --\n${proc.tail(80)}`,
        `-- the last messages sent${lastActionsBeforeExit ? " before the exit" : ""} --\n${(lastActionsBeforeExit ?? log.last(40)).join("\n")}`,
        `-- findings (${findings.count}) --\n${findings.list.join("\n")}`,
      ].join("\n"),
    );
  });

  const url = await proc.url();
  const bystander = await Bystander.start(url, rng.fork(1), findings, SERVER_MAX_FRAME);
  sockets.push(bystander.conn);
  const baseline = proc.rssBytes();
  let peak = baseline ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, proc.rssBytes() ?? 0);
  }, 200);
  timers.push(sampler);
  bystander.run(40);

  const deadline = Date.now() + ATTACK_MS;
  const ctx: AttackContext = {
    avoidKnown: AVOID_KNOWN,
    serverEpoch: bystander.serverEpoch,
    act: () => {
      if (Date.now() >= deadline || stats.actions >= MAX_ACTIONS || !proc.alive) return false;
      stats.actions++;
      return true;
    },
  };
  const stopped = () => Date.now() >= deadline || stats.actions >= MAX_ACTIONS || !proc.alive;
  await Promise.all(
    Array.from({ length: ATTACKERS }, async (_, a) => {
      for (let n = 0; !stopped(); n++) {
        const connRng = rng.fork(100 + a, n);
        const conn = await RawConn.open(url, `${phase}.a${a}.c${n}`, SERVER_MAX_FRAME, findings, log);
        stats.connections++;
        if (conn === undefined) {
          stats.refused++;
          await turn();
          continue;
        }
        sockets.push(conn);
        try {
          await script(conn, connRng, ctx);
        } finally {
          if (!conn.closed) {
            if (connRng.chance(0.5)) conn.close();
            else conn.terminate();
            // A server that does not finish the closing handshake promptly is cut off.
            const t = setTimeout(() => conn.terminate(), 1000);
            await conn.waitClosed();
            clearTimeout(t);
          }
          const code = conn.closed?.code ?? 0;
          stats.closeCodes.set(code, (stats.closeCodes.get(code) ?? 0) + 1);
          const i = sockets.indexOf(conn);
          if (i >= 0) sockets.splice(i, 1);
        }
      }
    }),
  );
  const attackMs = Date.now() - started;
  await bystander.stop();

  const problems: string[] = [];
  if (!proc.alive) {
    problems.push(`echo exited during the attack: code ${proc.exit?.code} signal ${proc.exit?.signal}`);
  }
  problems.push(...bystander.problems);

  if (proc.alive) {
    // A fresh client, the way any test would: connect, log in, echo.
    try {
      const fresh = await WsClient.open(url);
      sockets.push({ terminate: () => fresh.destroy() });
      const within = <T>(p: Promise<T>, what: string) =>
        Promise.race([
          p,
          fresh.waitClosed().then((c) => {
            throw new Error(`${what}: closed ${c.code} ${c.reason}`);
          }),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`${what}: no answer in 5 s`)), 5000).unref(),
          ),
        ]);
      await within(fresh.login("p:997"), "fresh login");
      const r = await within(
        fresh.request(1000, echo.EchoReq.encode({ text: "after the storm" }).finish()),
        "fresh echo",
      );
      if (hasFlag(r.flags, FrameFlag.ERROR) || echo.EchoResp.decode(r.payload).text !== "after the storm") {
        problems.push("a fresh client's echo failed after the attack");
      }
      fresh.close();
    } catch (e) {
      problems.push(`a fresh client could not log in and echo after the attack: ${String(e)}`);
    }
  }

  problems.push(...findings.list);

  // Memory: wait (on the RSS itself, bounded) for it to fall under baseline + slack.
  let rss = proc.rssBytes();
  if (proc.alive && baseline !== undefined && rss !== undefined) {
    const bound = baseline + MEMORY_SLACK_BYTES;
    const until = Date.now() + 6000;
    while ((rss ?? 0) > bound && Date.now() < until && proc.alive) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      rss = proc.rssBytes();
    }
    if ((rss ?? 0) > bound) {
      problems.push(
        `RSS ${mb(rss)} MB after the attack is above baseline ${mb(baseline)} MB + ${mb(MEMORY_SLACK_BYTES)} MB`,
      );
    }
  }

  const codes = [...stats.closeCodes]
    .sort((x, y) => y[1] - x[1])
    .map(([c, n]) => `${c}x${n}`)
    .join(" ");
  console.log(
    `fuzz ${phase}: seed ${SEED}, ${stats.actions} actions on ${stats.connections} connections in ${attackMs} ms ` +
      `(${stats.refused} refused; closes ${codes}); bystander ${bystander.rounds} rounds, ${bystander.applied} pushes, ` +
      `max RTT ${bystander.maxRttMs} ms; RSS ${mb(baseline)} -> peak ${mb(peak)} -> ${mb(rss)} MB`,
  );
  expect(problems).toEqual([]);
}

const mb = (n: number | undefined) => (n === undefined ? "?" : (n / 2 ** 20).toFixed(0));

describe("fuzz", () => {
  it(
    "survives random bytes and mutated golden vectors while a bystander's push stream stays exact",
    async () => {
      await fuzz("garbage", 1, garbage);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "survives hostile ClientHellos (tiny and huge frame limits, odd lists, garbage key shares) and what follows",
    async () => {
      await fuzz("hello", 2, hellos);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "survives random request sequences across hellos, logins, resumes and reconnects",
    async () => {
      await fuzz("requests", 3, requests);
    },
    TEST_TIMEOUT_MS,
  );
});
