/**
 * The conformance server's routes (conformance-server.md): a small but complete server that
 * exercises every system feature. `startEchoServer` is what `main.ts` runs and what the
 * end-to-end tests start in-process.
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import { tether } from "@tether/protocol/gen/echo";
import { nodeCrypto, nodeGzip } from "@tether/protocol/node";
import { createServer, type ServerOptions, type TetherServer } from "@tether/server";
import type { AuthResult, TokenAuthenticator } from "@tether/system";
import { type EchoState, MemoryEchoState } from "./echo-state.js";

const echo = tether.echo;

/** `p:<playerId>` or `p:<playerId>:<deviceId>`; anything else is rejected. */
export const echoAuthenticator: TokenAuthenticator = {
  authenticate(token) {
    const m = /^p:([1-9]\d{0,15})(?::(.+))?$/.exec(token);
    const playerId = Number(m?.[1]);
    if (!m || !Number.isSafeInteger(playerId)) throw new Error("token rejected");
    const r: AuthResult = { playerId };
    return m[2] === undefined ? r : { ...r, deviceId: m[2] };
  },
};

/** Route 1001 sends at most this many pushes per request. */
export const MAX_PUSH_COUNT = 10_000;
/** Route 1001's pushes of one request carry at most this many pad bytes in all. */
export const MAX_PUSH_PAD_TOTAL = 16 * 1024 * 1024;
/** Route 1003 waits at most this long (a handler still times out at requestTimeoutMs). */
export const MAX_SLOW_MS = 24 * 3600 * 1000;

function tooMuch(code: number, limit: string, message: string): TetherError {
  return new TetherError(code, message, { detail: { limit } });
}

export interface EchoServerOptions {
  readonly server?: Partial<ServerOptions>;
  /** Run with a snapshot provider (default true; `--no-snapshots` turns it off). */
  readonly snapshots?: boolean;
  /** Where the game state lives (default: in memory; in Redis in cluster mode). */
  readonly state?: EchoState;
  /** This node's id in the cluster (route 1016); "local" alone. */
  readonly nodeId?: string;
}

export function createEchoServer(options: EchoServerOptions = {}): TetherServer {
  const state = options.state ?? new MemoryEchoState();
  const server = createServer({
    crypto: nodeCrypto,
    compressor: nodeGzip,
    authenticator: echoAuthenticator,
    snapshotProvider: options.snapshots === false ? undefined : state,
    ...options.server,
    hooks: {
      ...options.server?.hooks,
      onSessionEnd: (session, reason) => {
        state.forget(session.sessionId);
        options.server?.hooks?.onSessionEnd?.(session, reason);
      },
    },
  });

  server.route(1000, echo.EchoReq, echo.EchoResp, (req) => ({ text: req.text }));

  server.route(1001, echo.PushMeReq, echo.PushMeResp, (req, ctx) => {
    if (ctx.sessionId === undefined) return {};
    const count = req.count ?? 0;
    const padBytes = req.padBytes ?? 0;
    // Checked before answering: a request the pushes could not honour is refused with a code.
    if (count > MAX_PUSH_COUNT) throw tooMuch(ErrorCode.BAD_REQUEST, "count", `count above ${MAX_PUSH_COUNT}`);
    // A PushMsg is its pad plus a few bytes of index and tags: 32 bytes of room is ample.
    if (padBytes > ctx.maxPushBytes - 32) {
      throw tooMuch(ErrorCode.PAYLOAD_TOO_LARGE, "maxFrameBytes", "pad_bytes would not fit in a frame");
    }
    if (count * padBytes > MAX_PUSH_PAD_TOTAL) {
      throw tooMuch(ErrorCode.BAD_REQUEST, "padTotal", `count x pad_bytes above ${MAX_PUSH_PAD_TOTAL}`);
    }
    const pad = new Uint8Array(padBytes);
    // ctx.push reaches the caller's session, also after the handler returned (an ended session
    // takes nothing).
    const push = (index: number) =>
      ctx.push(2001, echo.PushMsg.encode({ index, pad }).finish(), {
        reliable: req.reliable === true,
        compress: req.compressHint === true,
      });
    // The pushes run after the handler: a push the framework refuses (a limit changed
    // meanwhile) ends this request's pushes, never the process.
    const pushOrStop = (index: number): boolean => {
      try {
        push(index);
        return true;
      } catch (e) {
        ctx.server.options.logger.warn("route 1001 stopped pushing", { error: String(e) });
        return false;
      }
    };
    // The RESP goes first: pushes start on the next turn of the event loop.
    const interval = req.intervalMs ?? 0;
    if (interval === 0) {
      setImmediate(() => {
        for (let i = 0; i < count; i++) if (!pushOrStop(i)) return;
      });
    } else {
      let i = 0;
      const tick = () => {
        if (i >= count || !pushOrStop(i++)) return;
        setTimeout(tick, interval).unref();
      };
      setTimeout(tick, 0).unref();
    }
    return {};
  });

  server.route(1002, echo.FailReq, echo.Empty, (req) => {
    const code = req.code ?? 0;
    // Code 0: a plain exception (the client sees INTERNAL). Any other code: a TetherError with
    // it (>= 10000 is a game error; a system code gets the table's retry rule).
    if (code === 0) throw new Error("plain failure from the fail route");
    throw new TetherError(code, req.message ?? "", { detail: { route: "fail" } });
  });

  server.route(1003, echo.SlowReq, echo.SlowResp, (req, ctx) => {
    const ms = req.ms ?? 0;
    if (ms > MAX_SLOW_MS) throw tooMuch(ErrorCode.BAD_REQUEST, "ms", `ms above ${MAX_SLOW_MS}`);
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve({}), ms);
      ctx.signal.addEventListener("abort", () => clearTimeout(t));
    });
  });

  server.route(1004, echo.TopicReq, echo.Empty, async (req, ctx) => {
    if (ctx.sessionId !== undefined) await ctx.gateway.subscribe(ctx.sessionId, [req.topic ?? ""]);
    return {};
  });

  server.route(1005, echo.PublishReq, echo.Empty, async (req, ctx) => {
    const topic = req.topic ?? "";
    const msg = echo.TopicMsg.encode({ topic, text: req.text ?? "", fromPlayer: ctx.playerId ?? 0 }).finish();
    await ctx.gateway.publish([topic], 2002, msg, { reliable: true });
    return {};
  });

  server.route(1006, echo.TopicReq, echo.Empty, async (req, ctx) => {
    if (ctx.sessionId !== undefined) await ctx.gateway.unsubscribe(ctx.sessionId, [req.topic ?? ""]);
    return {};
  });

  server.route(1007, echo.Empty, echo.CounterResp, async (_, ctx) => {
    if (ctx.playerId === undefined) return {};
    const revision = await state.bump(ctx.playerId);
    ctx.push(2003, echo.StateDelta.encode({ revision }).finish(), { rev: revision });
    return { revision };
  });

  server.route(1008, echo.KickReq, echo.Empty, async (req, ctx) => {
    await ctx.gateway.kick({ playerId: req.playerId ?? 0 }, req.reason || "kicked");
    return {};
  });

  server.route(1009, echo.Empty, echo.WhoamiResp, async (_, ctx) => {
    const [info] = ctx.sessionId === undefined ? [] : await ctx.gateway.sessionInfo([ctx.sessionId]);
    return { playerId: ctx.playerId ?? 0, sessionId: ctx.sessionId ?? "", sessionEpoch: info?.sessionEpoch ?? 0 };
  });

  server.route(1010, echo.BroadcastReq, echo.Empty, async (req, ctx) => {
    await ctx.gateway.broadcast(2004, echo.BroadcastMsg.encode({ text: req.text ?? "" }).finish());
    return {};
  });

  server.route(1011, echo.Empty, echo.EchoResp, () => ({ text: "open" }), { open: true });

  server.notify(1012, echo.EchoReq, async (req, ctx) => {
    if (ctx.sessionId !== undefined) await state.note(ctx.sessionId, req.text ?? "");
  });

  server.route(1013, echo.Empty, echo.NotesResp, async (_, ctx) => ({
    texts: ctx.sessionId === undefined ? [] : await state.notes(ctx.sessionId),
  }));

  server.route(1014, echo.SendToPlayerReq, echo.Empty, async (req, ctx) => {
    const count = req.count ?? 0;
    if (count > MAX_PUSH_COUNT) throw tooMuch(ErrorCode.BAD_REQUEST, "count", `count above ${MAX_PUSH_COUNT}`);
    for (let index = 0; index < count; index++) {
      await ctx.gateway.sendToPlayer(req.playerId ?? 0, 2001, echo.PushMsg.encode({ index }).finish(), {
        reliable: req.reliable === true,
      });
    }
    return {};
  });

  server.route(1015, echo.OnlineReq, echo.OnlineResp, async (req, ctx) => {
    const ids = (req.playerIds ?? []).map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
    return { online: await ctx.gateway.isOnline(ids) };
  });

  server.route(1016, echo.Empty, echo.NodeResp, () => ({ nodeId: options.nodeId ?? "local" }));

  return server;
}
