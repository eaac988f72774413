/**
 * The frame switch of a connection (sessions.md §3, §7, §8): the first-frame rule (ClientHello
 * or, when required, nothing else), the ACK first on every frame (ack.ts), PING answered at
 * once, request admission (a repeated ClientHello, the in-flight limit, draining, queued bytes
 * behind the connection's lane), and the system requests (Login, Resume, Sync, Logout).
 */
import {
  ClientHelloResp,
  CloseCode,
  ErrorCode,
  type Frame,
  FrameRule,
  FrameType,
  invalidFrame,
  isGameMsgId,
  isTetherError,
  SystemMsgId,
  TetherError,
} from "@tether/protocol";
import { acknowledge } from "./ack.js";
import { type Connection, toTetherError } from "./connection.js";
import type { EngineContext } from "./context.js";
import { negotiateHello } from "./handshake.js";
import { login, logout } from "./login.js";
import { dispatchRequest, roomToWait } from "./requests.js";
import { resume } from "./resume.js";
import { sync } from "./sync.js";

/** Routes one decoded inbound frame (called by Connection.receive). */
export function dispatch(engine: EngineContext, conn: Connection, frame: Frame, rateLimited = false): void {
  if (!conn.firstFrameSeen) {
    conn.firstFrameSeen = true;
    if (frame.type === FrameType.REQ && frame.msgId === SystemMsgId.CLIENT_HELLO) {
      hello(engine, conn, frame);
      return;
    }
    // Encryption can only be agreed in a ClientHello: requiring it requires the hello too.
    if (engine.options.requireHello || (engine.options.requireEncryption && !conn.info.secure)) {
      if (frame.type === FrameType.REQ) {
        conn.refuse(frame, new TetherError(ErrorCode.UNSUPPORTED_PROTOCOL, "the first frame must be a ClientHello"));
      }
      conn.close(CloseCode.PROTOCOL_ERROR, "ClientHello required");
      return;
    }
  }
  if (!acknowledge(engine, conn, frame)) return;
  switch (frame.type) {
    case FrameType.PING:
      conn.send({ type: FrameType.PONG, ts: engine.clock.now(), payload: frame.payload });
      return;
    case FrameType.PONG:
      return;
    case FrameType.ACK:
      return; // applied above
    case FrameType.REQ:
      if (rateLimited) {
        engine.metrics.rateLimitRejections++;
        if (frame.seq > 0) {
          conn.refuse(frame, new TetherError(ErrorCode.RATE_LIMITED, "message rate exceeded"));
        }
        return;
      }
      request(engine, conn, frame);
      return;
    default:
      // RESP and PUSH travel server -> client only.
      conn.protocolError(invalidFrame(FrameRule.WRONG_DIRECTION, "unexpected frame type from a client"));
  }
}

function hello(engine: EngineContext, conn: Connection, frame: Frame): void {
  if (frame.seq === 0) {
    // A hello sent as a one-way notify would switch codecs without the client ever hearing
    // the keys: refused, in the clear.
    conn.protocolError(new TetherError(ErrorCode.UNSUPPORTED_PROTOCOL, "ClientHello needs a seq"));
    return;
  }
  conn.admit();
  try {
    const outcome = negotiateHello(
      {
        options: engine.options,
        limits: engine.limits,
        serverEpoch: engine.serverEpoch,
        secure: conn.info.secure,
        heartbeatIntervalMs: engine.heartbeatIntervalMs,
      },
      frame.payload,
    );
    // The RESP travels in the clear; the new codec applies from the next frame on.
    conn.respond(frame, { msgId: frame.msgId, flags: 0, payload: ClientHelloResp.encode(outcome.response).finish() });
    conn.codec = outcome.codec;
    conn.agreeFrameLimit(outcome.maxFrameBytes);
  } catch (e) {
    conn.fail(frame, toTetherError(e));
    conn.close(CloseCode.PROTOCOL_ERROR, "handshake failed");
  }
}

function request(engine: EngineContext, conn: Connection, frame: Frame): void {
  if (frame.msgId === SystemMsgId.CLIENT_HELLO) {
    conn.refuse(
      frame,
      new TetherError(ErrorCode.UNSUPPORTED_PROTOCOL, "ClientHello must be the first frame, sent once"),
    );
    return;
  }
  // A repeated seq joins its original instead of counting against the in-flight limit.
  if (conn.inFlight >= engine.limits.maxInFlightReq && !isDuplicate(conn, frame)) {
    engine.metrics.backpressureRejections++;
    conn.refuse(frame, new TetherError(ErrorCode.BACKPRESSURE, "too many requests in flight"));
    return;
  }
  if (engine.draining) {
    conn.refuse(frame, new TetherError(ErrorCode.SERVER_BUSY, "the server is shutting down"));
    return;
  }
  if (isGameMsgId(frame.msgId) && conn.lane.length === 0) {
    conn.admit();
    // Nothing waits ahead of it in the connection's lane (no system request in progress):
    // hand it to its session at once; the order is the same.
    dispatchRequest(engine, conn, frame);
    return;
  }
  // It waits behind the connection's lane: its bytes count against the connection's budget.
  const bytes = frame.payload.length;
  if (!roomToWait(conn.queuedBytes, bytes, engine.limits.maxQueuedRequestBytes)) {
    engine.metrics.queuedBytesRejections++;
    conn.refuse(frame, new TetherError(ErrorCode.BACKPRESSURE, "too many request bytes waiting"));
    return;
  }
  conn.admit();
  conn.queuedBytes += bytes;
  engine.inLane(conn, "request", async () => {
    conn.queuedBytes -= bytes;
    if (!conn.open) return;
    if (isGameMsgId(frame.msgId)) dispatchRequest(engine, conn, frame);
    else await system(engine, conn, frame);
  });
}

function isDuplicate(conn: Connection, frame: Frame): boolean {
  return frame.seq > 0 && isGameMsgId(frame.msgId) && (conn.session?.dedup ?? conn.dedup).has(frame.seq);
}

async function system(engine: EngineContext, conn: Connection, frame: Frame): Promise<void> {
  try {
    switch (frame.msgId) {
      case SystemMsgId.LOGIN:
        await login(engine, conn, frame);
        return;
      case SystemMsgId.RESUME:
        await resume(engine, conn, frame);
        return;
      case SystemMsgId.SYNC:
        await sync(engine, conn, frame);
        return;
      case SystemMsgId.LOGOUT:
        logout(engine, conn, frame);
        return;
      default:
        conn.fail(frame, new TetherError(ErrorCode.NOT_FOUND, `no system request ${frame.msgId}`));
    }
  } catch (e) {
    if (!isTetherError(e)) engine.logger.error("system request failed", { msgId: frame.msgId, error: String(e) });
    conn.fail(frame, toTetherError(e));
    if (isTetherError(e) && e.code === ErrorCode.UNAUTHORIZED && ++conn.authFailures >= engine.limits.maxAuthFailures) {
      conn.close(CloseCode.UNAUTHORIZED, "too many rejected tokens");
    }
  }
}
