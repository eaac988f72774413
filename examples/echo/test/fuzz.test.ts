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
import { FrameFlag, hasFlag } from "@tether/protocol";
import { WsClient } from "@tether/testkit";
import { afterEach, describe, expect, it, onTestFailed } from "vitest";
import { type AttackContext, garbage, hellos, requests, type Script } from "./fuzz/attacks.js";
import { Bystander } from "./fuzz/bystander.js";
import { EchoProcess, SERVER_FLAGS, SERVER_MAX_FRAME } from "./fuzz/echo-process.js";
import { ActionLog, Findings } from "./fuzz/findings.js";
import { echo } from "./fuzz/payloads.js";
import { RawConn, turn } from "./fuzz/raw-conn.js";
import { mixSeed, Rng } from "./fuzz/rng.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const ATTACK_MS = Number(process.env.FUZZ_ATTACK_MS ?? 8000);
const MAX_ACTIONS = Number(process.env.FUZZ_MAX_ACTIONS ?? 60_000);
const AVOID_KNOWN = process.env.FUZZ_AVOID_KNOWN === "1";
const ATTACKERS = 6;
/** The attack, then up to ~2 s for scripts to finish, the bystander's last round and the checks. */
const TEST_TIMEOUT_MS = ATTACK_MS + 30_000;
const MEMORY_SLACK_BYTES = 150 * 1024 * 1024;

const processes: EchoProcess[] = [];
const sockets: { terminate(): void }[] = [];
const timers: NodeJS.Timeout[] = [];

afterEach(async () => {
  for (const t of timers.splice(0)) clearInterval(t);
  for (const s of sockets.splice(0)) s.terminate();
  await Promise.all(processes.splice(0).map((p) => p.kill()));
});

interface AttackStats {
  actions: number;
  connections: number;
  refused: number;
  closeCodes: Map<number, number>;
}

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
