/**
 * One WebSocket wired to its session-layer Connection: frames in (message rate, sustained
 * abuse, text messages), frames out (the per-turn outbox, maxOutboundBytes checked before each
 * frame is queued), the close (outbox first, then the close frame), and the liveness state the
 * sweeper reads. Every socket callback runs guarded: an error escaping framework code closes
 * this connection (1011), never the process.
 */
import { CloseCode, FrameRule, invalidFrame } from "@tether/protocol";
import type { Connection, ConnectionSink, SessionEngine } from "@tether/system/internal";
import { WebSocket } from "ws";
import type { ServerCounters } from "./counters.js";
import type { TransportLimits, UpgradeInfo } from "./options.js";
import { Outbox } from "./outbox.js";
import { TokenBucket } from "./token-bucket.js";
import { setInboundLimit, socketOf } from "./ws-adapter.js";

/** A close frame's reason holds at most 123 bytes of UTF-8 (the Disconnect push carries it whole). */
export function closeReason(reason: string): string {
  const bytes = Buffer.from(reason, "utf8");
  if (bytes.length <= 123) return reason;
  let end = 123;
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--; // do not split a character
  return bytes.subarray(0, end).toString("utf8");
}

/** Every this many connections queued in one turn, the time since the first is checked. */
const CHECK_EVERY = 16;
/** The longest a turn's first frame waits for the rest of the turn before the writes start. */
const MAX_BATCH_MS = 0.25;

/** What the flusher reads and marks on a link. */
export interface FlushTarget {
  readonly conn: SocketLink["conn"];
  /** The turn in which the flusher last wrote this link before the turn ended (-1: none). */
  earlyFlushTurn: number;
  flush(): void;
}

/**
 * Frames written during one turn of the event loop leave in one socket write per connection
 * (outbox.ts), when the turn ends (setImmediate, after the promise callbacks that produce most
 * responses). One immediate serves every connection that wrote in the turn.
 *
 * A long turn that writes once to many connections (a game tick sending each player its own
 * state) does not hold its first frames back until its end: once MAX_BATCH_MS has passed since
 * the first, the connections queued so far are written at once, and batching starts again. One
 * fan-out call (a broadcast, a publish: engine.fanOuts) is never cut so: its message goes to
 * all its connections at once, and the next fan-outs of the turn join the same writes. A turn
 * that writes to a connection again after an early write gains from waiting instead: from then
 * on its writes wait for the end of the turn.
 */
export class TurnFlusher {
  private due: FlushTarget[] = [];
  /** When the first connection of the current batch was queued (performance.now()). */
  private since = 0;
  /** Counts the turns that wrote something; a link's earlyFlushTurn refers to it. */
  private turn = 0;
  /** The end-of-turn immediate is set. */
  private ending = false;
  /** A connection came back after an early write: the rest of the turn waits for its end. */
  private holdRest = false;
  private readonly endTurn = (): void => {
    const barrier = this.engine.cluster.barrier();
    if (barrier !== undefined) {
      // Durable writes first (cluster durability "log"): the turn's frames wait for them, so
      // no client holds a push the log does not. A failed write does not hold them for ever.
      barrier.then(this.endTurn, this.endTurn);
      return;
    }
    this.flushDue(false);
    this.turn++;
    this.ending = false;
    this.holdRest = false;
  };

  constructor(private readonly engine: SessionEngine) {}

  schedule(link: FlushTarget): void {
    const n = this.due.push(link);
    if (link.earlyFlushTurn === this.turn) this.holdRest = true;
    if (!this.ending) {
      this.ending = true;
      setImmediate(this.endTurn);
    }
    if (n === 1) this.since = performance.now();
    else if (
      !this.holdRest &&
      n % CHECK_EVERY === 0 &&
      this.engine.fanOuts === 0 &&
      performance.now() - this.since >= MAX_BATCH_MS
    ) {
      // Durable writes pending: everything waits for the end of the turn (endTurn).
      if (this.engine.cluster.barrier() === undefined) this.flushDue(true);
      else this.holdRest = true;
    }
  }

  private flushDue(early: boolean): void {
    const due = this.due;
    if (due.length === 0) return;
    this.due = [];
    for (const l of due) {
      if (early) l.earlyFlushTurn = this.turn;
      // engine.guard's rule, without a closure per connection.
      try {
        l.flush();
      } catch (e) {
        this.engine.internalError(l.conn, "flush", e);
      }
    }
  }
}

/**
 * The server's WebSocket class (WebSocketServer's `WebSocket` option): ws's own, carrying its
 * link, so the four listeners of every socket are shared functions instead of closures.
 */
export class LinkedSocket extends WebSocket {
  link: SocketLink | undefined;
}

const linkOf = (ws: WebSocket): SocketLink | undefined => (ws instanceof LinkedSocket ? ws.link : undefined);

function onSocketMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
  linkOf(this)?.received(data, isBinary);
}
function onSocketPong(this: WebSocket): void {
  linkOf(this)?.ponged();
}
function onSocketClose(this: WebSocket, code: number): void {
  linkOf(this)?.socketClosed(code);
}
function onSocketError(this: WebSocket, e: Error): void {
  linkOf(this)?.socketError(e);
}

/** What a link reads from the server around it. */
export interface LinkHost {
  readonly engine: SessionEngine;
  readonly limits: Readonly<TransportLimits>;
  readonly counters: ServerCounters;
  readonly flusher: TurnFlusher;
  /** The socket closed: forget the link. */
  closed(link: SocketLink): void;
  debug(message: string, fields: Record<string, string>): void;
}

/** The link is its connection's sink itself: no sink object or closures per connection. */
export class SocketLink implements ConnectionSink, FlushTarget {
  readonly conn: Connection;
  readonly openedAt: number;
  readonly bucket: TokenBucket;
  lastSeen: number;
  /** When the server's WebSocket ping went out unanswered (0: none). */
  pingSentAt = 0;
  /** The leaky counter of refused messages (rateAbuseLimit per rateAbuseWindowMs drains it). */
  private abuse = 0;
  private abuseAt: number;
  /** Closing: frames still queued go out before the close frame; nothing is refused any more. */
  closing = false;
  /** Frames of this event-loop turn, written when it ends. */
  readonly outbox = new Outbox();
  earlyFlushTurn = -1;

  constructor(
    private readonly host: LinkHost,
    readonly ws: LinkedSocket,
    info: UpgradeInfo,
  ) {
    const now = host.engine.clock.now();
    this.openedAt = now;
    this.lastSeen = now;
    this.abuseAt = now;
    this.bucket = new TokenBucket(host.limits.messageRatePerSec, host.limits.messageBurst, now);
    this.conn = host.engine.connect(
      {
        connId: info.connId,
        remoteAddress: info.remoteAddress,
        secure: info.secure,
        headers: info.headers,
        query: info.query,
      },
      this,
    );
    // The listeners are shared functions: `this` is the socket, which carries its link.
    ws.link = this;
    ws.on("message", onSocketMessage);
    ws.on("pong", onSocketPong);
    ws.on("close", onSocketClose);
    ws.on("error", onSocketError);
  }

  /** The sink's send: queues the frame, or closes a slow consumer (4001) instead. */
  send(bytes: Uint8Array): void {
    if (!this.closing && this.wouldOverflow(bytes.length)) {
      // The frame is not queued (a reliable push stays in the ring, a cached answer in the
      // dedup cache, for the resume).
      this.slowConsumer();
      return;
    }
    if (this.outbox.add(bytes)) this.host.flusher.schedule(this);
    this.host.counters.framesOut++;
    this.host.counters.bytesOut += bytes.length;
  }

  /** The sink's limitInbound: the max_frame_bytes the peer agreed. */
  limitInbound(bytes: number): void {
    setInboundLimit(this.ws, bytes);
  }

  /** The sink's close: the outbox (the Disconnect push included) goes before the close frame. */
  close(code: number, reason: string): void {
    this.flush();
    this.closing = true;
    this.ws.close(code, closeReason(reason));
    // A peer that does not finish the closing handshake is cut off.
    this.host.engine.clock.setTimer(5000, () => this.ws.terminate());
  }

  /** Writes the outbox now. */
  flush(): void {
    const open = this.ws.readyState === this.ws.OPEN;
    this.outbox.flush(open ? socketOf(this.ws) : undefined);
  }

  /** Whether `bytes` more would pass maxOutboundBytes (this turn's frames plus the socket's buffer). */
  private wouldOverflow(bytes: number): boolean {
    return this.outbox.bytes + bytes + this.ws.bufferedAmount > this.host.limits.maxOutboundBytes;
  }

  /** A connection that cannot take what it is sent: close 4001 at once (it resumes later). */
  private slowConsumer(): void {
    this.closing = true;
    this.host.counters.slowConsumerCloses++;
    // On a sealed connection the frame just refused was sealed already (its nonce is spent):
    // a Disconnect after it could not be opened, so the close code alone tells the client.
    this.conn.close(CloseCode.SLOW_CONSUMER, "slow consumer", !this.conn.codec.sealed);
  }

  /** The socket's listeners (shared by every link through LINK). */
  received(data: Buffer, isBinary: boolean): void {
    // engine.guard's rule, without a closure per message.
    try {
      this.onMessage(data, isBinary);
    } catch (e) {
      this.host.engine.internalError(this.conn, "message", e);
    }
  }

  ponged(): void {
    this.lastSeen = this.host.engine.clock.now();
    this.pingSentAt = 0;
  }

  socketClosed(code: number): void {
    this.host.closed(this);
    this.host.engine.guard(undefined, "connection close", () => this.conn.transportClosed(code));
  }

  socketError(e: unknown): void {
    this.host.debug("socket error", { connId: this.conn.connId, error: String(e) });
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    const now = this.host.engine.clock.now();
    const counters = this.host.counters;
    counters.framesIn++;
    counters.bytesIn += data.byteLength;
    this.lastSeen = now;
    this.pingSentAt = 0;
    const conn = this.conn;
    if (!conn.open) return; // the rest of a read that arrived after the close
    if (!isBinary) {
      conn.protocolError(invalidFrame(FrameRule.TEXT_MESSAGE, "text messages are not allowed"));
      return;
    }
    const allowed = this.bucket.take(now);
    // A refused frame is still read: its piggy-backed ACK counts (protocol.md §2).
    conn.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), !allowed);
    if (!allowed && conn.open && this.abusing(now)) {
      counters.rateAbuseCloses++;
      conn.close(CloseCode.RATE_LIMIT_ABUSE, "message rate abuse");
    }
  }

  /**
   * Counts one refused message in the leaky counter, which drains rateAbuseLimit per
   * rateAbuseWindowMs: true once it holds more than rateAbuseLimit (sustained abuse).
   */
  private abusing(now: number): boolean {
    const t = this.host.limits;
    const drained = ((now - this.abuseAt) * t.rateAbuseLimit) / t.rateAbuseWindowMs;
    this.abuse = Math.max(0, this.abuse - drained) + 1;
    this.abuseAt = now;
    return this.abuse > t.rateAbuseLimit;
  }
}
