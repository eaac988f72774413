/**
 * The Tether WebSocket server on `ws`: accepts upgrades (path, origin, capacity, connection
 * rate, the onConnectionOpen hook), wires each socket to the session layer, and enforces the
 * transport's limits (sessions.md §8–§9): heartbeat, auth deadline, message rate, slow
 * consumers, frame size (ws's maxPayload, before buffering). `close()` drains gracefully.
 */
import {
  createServer as createHttpServer,
  type Server as HttpServer,
  type IncomingMessage,
  STATUS_CODES,
} from "node:http";
import { Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { CloseCode, FrameRule, invalidFrame } from "@tether/protocol";
import {
  type Connection,
  InvalidOptionError,
  LIMIT_NAMES,
  type RequestContext,
  type RequestHandler,
  type RouteOptions,
  SessionEngine,
} from "@tether/system";
import { type WebSocket, WebSocketServer } from "ws";
import { metricsSnapshot, newServerCounters, type ServerCounters } from "./counters.js";
import type { Gateway, MetricsSnapshot } from "./gateway.js";
import { LocalGateway } from "./local-gateway.js";
import { ServerMetrics } from "./metrics.js";
import {
  checkTransportLimits,
  resolveServerOptions,
  type ServerLimits,
  type ServerOptions,
  TRANSPORT_LIMIT_NAMES,
  type TransportLimits,
  type UpgradeInfo,
} from "./options.js";
import { Outbox } from "./outbox.js";
import { TokenBucket } from "./token-bucket.js";
import { TopicIndex } from "./topics.js";
import { type Decoder, type Encoder, typedHandler } from "./typed-routes.js";
import { setDefaultInboundLimit, setInboundLimit, socketOf } from "./ws-adapter.js";

/** The handler context of the server: the session layer's, the gateway and the server. */
export interface ServerContext extends RequestContext {
  readonly gateway: Gateway;
  readonly server: TetherServer;
}

interface Link {
  readonly ws: WebSocket;
  readonly conn: Connection;
  readonly openedAt: number;
  readonly bucket: TokenBucket;
  lastSeen: number;
  pingSentAt: number;
  /** The leaky counter of refused messages (rateAbuseLimit per rateAbuseWindowMs drains it). */
  abuse: number;
  abuseAt: number;
  closing: boolean;
  /** Frames of this event-loop turn, written when it ends. */
  readonly outbox: Outbox;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** A close frame's reason holds at most 123 bytes of UTF-8 (the Disconnect push carries it whole). */
export function closeReason(reason: string): string {
  const bytes = Buffer.from(reason, "utf8");
  if (bytes.length <= 123) return reason;
  let end = 123;
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--; // do not split a character
  return bytes.subarray(0, end).toString("utf8");
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

export class TetherServer {
  readonly options: ServerOptions;
  readonly engine: SessionEngine;
  readonly topics: TopicIndex;
  readonly counters: ServerCounters = newServerCounters();

  /** How game code reaches players (gateway.md), served by this process. */
  readonly gateway: Gateway;
  readonly metrics: ServerMetrics;
  private readonly transport: TransportLimits;
  private readonly http: HttpServer;
  private readonly ownsHttp: boolean;
  private readonly wss: WebSocketServer;
  private readonly links = new Map<string, Link>();
  /** TCP connections of the own HTTP server that have not upgraded yet, oldest first. */
  private readonly pendingSockets = new Map<Duplex, number>();
  /** Connections with frames waiting for the end of this turn. */
  private dueLinks: Link[] = [];
  private readonly connectionBucket: TokenBucket;
  private sweeper: NodeJS.Timeout | undefined;
  private draining = false;
  private readonly onUpgradeBound = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    this.onUpgrade(req, socket, head).catch((e: unknown) => {
      this.options.logger.error("upgrade failed", { error: String(e) });
      socket.destroy();
    });
  };
  private readonly onSocketBound = (socket: Duplex) => this.onSocket(socket);

  constructor(options: Partial<ServerOptions> = {}) {
    this.options = resolveServerOptions(options);
    const o = this.options;
    const userHooks = o.hooks;
    this.engine = new SessionEngine({
      ...o,
      hooks: {
        ...userHooks,
        onSessionEnd: (session, reason) => {
          this.topics.forget(session);
          userHooks.onSessionEnd?.(session, reason);
        },
        onRequestComplete: (msgId, code, ms) => {
          this.metrics.observeRequest(msgId, code, ms);
          userHooks.onRequestComplete?.(msgId, code, ms);
        },
      },
    });
    this.gateway = new LocalGateway(this);
    this.engine.contextExtras = { gateway: this.gateway, server: this };
    this.metrics = new ServerMetrics({
      read: () => this.metricsSnapshot(),
      knownMsgId: (msgId) => msgId < 1000 || this.engine.routes.has(msgId),
    });
    this.transport = Object.fromEntries(TRANSPORT_LIMIT_NAMES.map((k) => [k, o[k]])) as unknown as TransportLimits;
    this.topics = new TopicIndex(this.transport);
    this.connectionBucket = new TokenBucket(o.connectionRatePerSec, o.connectionBurst, Date.now());
    this.wss = new WebSocketServer({ noServer: true, maxPayload: o.maxFrameBytes, perMessageDeflate: false });
    this.ownsHttp = o.server === undefined;
    this.http =
      o.server ??
      createHttpServer((req, res) => {
        // Plain HTTP (metrics, a stray request) gets one answer per connection: the socket
        // closes after it instead of lingering as a keep-alive.
        res.shouldKeepAlive = false;
        if (o.metricsPath !== false && req.method === "GET" && req.url?.split("?")[0] === o.metricsPath) {
          this.metrics.text().then(
            (text) => res.writeHead(200, { "Content-Type": this.metrics.contentType }).end(text),
            () => res.writeHead(500).end(),
          );
          return;
        }
        res.writeHead(426, { "Content-Type": "text/plain" }).end("WebSocket upgrade required\n");
      });
    this.http.on("upgrade", this.onUpgradeBound);
    if (this.ownsHttp) this.http.on("connection", this.onSocketBound);
    if (options.authenticator === undefined) {
      o.logger.warn("no authenticator configured: every Login and Resume will answer UNAUTHORIZED");
    }
    this.startSweeper();
  }

  /** Starts listening (own HTTP server only). Resolves with the ws:// URL. */
  async listen(): Promise<string> {
    if (this.ownsHttp && !this.http.listening) {
      await new Promise<void>((resolve, reject) => {
        this.http.once("error", reject);
        this.http.listen(this.options.port, this.options.host, () => {
          this.http.off("error", reject);
          resolve();
        });
      });
    }
    return this.url;
  }

  get url(): string {
    const a = this.http.address() as AddressInfo | null;
    const host = a ? (a.family === "IPv6" ? `[${a.address}]` : a.address) : this.options.host;
    const scheme = this.http instanceof HttpsServer ? "wss" : "ws";
    return `${scheme}://${host}:${a?.port ?? this.options.port}${this.options.path}`;
  }

  get port(): number {
    return (this.http.address() as AddressInfo | null)?.port ?? this.options.port;
  }

  get connectionCount(): number {
    return this.links.size;
  }

  // ---- routes -------------------------------------------------------------------------

  /** The engine puts `gateway` and `server` into every context it makes (contextExtras). */
  private context = (ctx: RequestContext): ServerContext => ctx as ServerContext;

  /** A request route typed by protobufjs classes. The handler returns the response (or nothing). */
  route<Req, Resp>(
    msgId: number,
    reqType: Decoder<Req>,
    respType: Encoder<Resp>,
    handler: (req: Req, ctx: ServerContext) => Resp | undefined | Promise<Resp | undefined>,
    options?: RouteOptions,
  ): this {
    this.engine.route(msgId, typedHandler(reqType, respType, handler, this.context), options);
    return this;
  }

  /** A one-way notify route (clients send it with seq 0); it never answers. */
  notify<Req>(
    msgId: number,
    reqType: Decoder<Req>,
    handler: (req: Req, ctx: ServerContext) => void | Promise<void>,
    options?: RouteOptions,
  ): this {
    this.engine.route(
      msgId,
      typedHandler<Req, never, ServerContext>(
        reqType,
        undefined,
        async (req, ctx) => {
          await handler(req, ctx);
          return undefined;
        },
        this.context,
      ),
      options,
    );
    return this;
  }

  /** A route on raw payload bytes. */
  routeRaw(
    msgId: number,
    handler: (payload: Uint8Array, ctx: ServerContext) => ReturnType<RequestHandler>,
    options?: RouteOptions,
  ): this {
    this.engine.route(msgId, (payload, ctx) => handler(payload, this.context(ctx)), options);
    return this;
  }

  // ---- metrics ------------------------------------------------------------------------

  /** A typed snapshot of the metrics (gateway.metrics(); the Prometheus series read it too). */
  metricsSnapshot(): MetricsSnapshot {
    return metricsSnapshot({
      counters: this.counters,
      engine: this.engine,
      topicRefusals: this.topics.refusals,
      connectionsOpen: this.links.size,
    });
  }

  /** The Prometheus text, for a server attached to an HTTP server of yours. */
  metricsText(): Promise<string> {
    return this.metrics.text();
  }

  // ---- limits -------------------------------------------------------------------------

  limits(): ServerLimits {
    return { ...this.engine.limits, ...this.transport };
  }

  /** Changes limits at once. Unknown names or bad values throw InvalidOptionError. */
  setLimits(patch: Partial<ServerLimits>): ServerLimits {
    if (typeof patch !== "object" || patch === null) throw new InvalidOptionError("limits", "must be an object");
    const known = new Set<string>([...LIMIT_NAMES, ...TRANSPORT_LIMIT_NAMES]);
    for (const k of Object.keys(patch)) if (!known.has(k)) throw new InvalidOptionError(k, "is not a limit");
    const sessionPatch: Record<string, unknown> = {};
    for (const k of LIMIT_NAMES) if (patch[k] !== undefined) sessionPatch[k] = patch[k];
    // Both halves are checked before either is applied: the transport's here, the session
    // layer's inside engine.setLimits, which throws before changing anything.
    const transportPatch = checkTransportLimits(patch as Record<string, unknown>);
    this.engine.setLimits(sessionPatch);
    Object.assign(this.transport, transportPatch);
    this.engine.heartbeatIntervalMs = this.transport.heartbeatIntervalMs;
    this.connectionBucket.configure(this.transport.connectionRatePerSec, this.transport.connectionBurst);
    for (const l of this.links.values())
      l.bucket.configure(this.transport.messageRatePerSec, this.transport.messageBurst);
    if (patch.maxFrameBytes !== undefined) setDefaultInboundLimit(this.wss, patch.maxFrameBytes);
    this.startSweeper();
    return this.limits();
  }

  // ---- upgrade and sockets ------------------------------------------------------------

  /**
   * A TCP connection of the own HTTP server: it counts as a pending handshake until it upgrades
   * (or closes). At maxPendingHandshakes the oldest pending one is cut, so slow or stalled
   * handshakes cannot keep fresh ones out; the sweeper cuts those past handshakeTimeoutMs.
   */
  private onSocket(socket: Duplex): void {
    if (this.pendingSockets.size >= this.transport.maxPendingHandshakes) {
      const oldest = this.pendingSockets.keys().next().value;
      if (oldest !== undefined) {
        this.pendingSockets.delete(oldest);
        this.counters.refusedHandshakeOverflow++;
        oldest.destroy();
      }
    }
    this.pendingSockets.set(socket, Date.now());
    socket.once("close", () => this.pendingSockets.delete(socket));
  }

  private async onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", () => {});
    const o = this.options;
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== o.path) {
      if (this.ownsHttp) refuse(socket, 404, "not found");
      return; // attached: another upgrade handler may own this path
    }
    if (this.draining) {
      this.counters.refusedDraining++;
      refuse(socket, 503, "server shutting down");
      return;
    }
    const origin = req.headers.origin;
    if (o.allowedOrigins !== undefined && (origin === undefined || !o.allowedOrigins.includes(origin))) {
      this.counters.refusedOrigin++;
      refuse(socket, 403, "origin not allowed");
      return;
    }
    if (this.links.size >= this.transport.maxConnections) {
      this.counters.refusedCapacity++;
      refuse(socket, 503, "too many connections");
      return;
    }
    if (!this.connectionBucket.take(Date.now())) {
      this.counters.refusedRate++;
      refuse(socket, 503, "connection rate exceeded");
      return;
    }
    const forwardedFor =
      o.trustProxy && typeof req.headers["x-forwarded-for"] === "string"
        ? req.headers["x-forwarded-for"].split(",").map((s) => s.trim())
        : [];
    const tls = (req.socket as { encrypted?: boolean }).encrypted === true;
    const socketAddress = req.socket.remoteAddress ?? "";
    const info: UpgradeInfo = {
      connId: this.engine.newConnId(),
      // Behind a trusted proxy, the last X-Forwarded-For entry is the one the proxy appended.
      remoteAddress: forwardedFor[forwardedFor.length - 1] ?? socketAddress,
      socketAddress,
      forwardedFor,
      secure: tls || (o.trustProxy && req.headers["x-forwarded-proto"] === "https"),
      origin,
      query: url.search.replace(/^\?/, ""),
      headers: headerMap(req),
    };
    if (o.onConnectionOpen) {
      try {
        const refusal = await o.onConnectionOpen(info);
        if (refusal) {
          this.counters.refusedByHook++;
          refuse(socket, refusal.status >= 400 && refusal.status <= 599 ? refusal.status : 403, refusal.reason);
          return;
        }
      } catch (e) {
        o.logger.error("onConnectionOpen threw", { error: String(e) });
        this.counters.refusedByHook++;
        refuse(socket, 500, "connection refused");
        return;
      }
      if (socket.destroyed) return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onOpen(ws, info));
  }

  private onOpen(ws: WebSocket, info: UpgradeInfo): void {
    const now = Date.now();
    const tcp = socketOf(ws);
    if (tcp !== undefined) this.pendingSockets.delete(tcp);
    this.counters.connectionsOpened++;
    let link: Link | undefined;
    const conn = this.engine.connect(
      {
        connId: info.connId,
        remoteAddress: info.remoteAddress,
        secure: info.secure,
        headers: info.headers,
        query: info.query,
      },
      {
        send: (bytes) => {
          if (link === undefined) {
            ws.send(bytes);
            return true;
          } else if (!link.closing && this.wouldOverflow(link, bytes.length)) {
            // A slow consumer: the frame is not queued (a reliable push stays in the ring, a
            // cached answer in the dedup cache, for the resume); the Disconnect push is.
            this.slowConsumer(link);
            return false;
          } else if (link.outbox.add(bytes)) {
            this.flushAtTurnEnd(link);
          }
          this.counters.framesOut++;
          this.counters.bytesOut += bytes.length;
          return true;
        },
        limitInbound: (bytes) => setInboundLimit(ws, bytes),
        close: (code, reason) => {
          if (link) {
            this.flush(link); // the Disconnect push goes before the close frame
            link.closing = true;
          }
          ws.close(code, closeReason(reason));
          // A peer that does not finish the closing handshake is cut off.
          setTimeout(() => ws.terminate(), 5000).unref();
        },
      },
    );
    link = {
      ws,
      conn,
      openedAt: now,
      bucket: new TokenBucket(this.transport.messageRatePerSec, this.transport.messageBurst, now),
      lastSeen: now,
      pingSentAt: 0,
      abuse: 0,
      abuseAt: now,
      closing: false,
      outbox: new Outbox(),
    };
    const l = link;
    this.links.set(info.connId, l);
    // Every socket callback runs guarded: an error escaping framework code closes this
    // connection (1011), never the process.
    const engine = this.engine;
    ws.on("message", (data, isBinary) =>
      engine.guard(conn, "message", () => this.onMessage(l, data as Buffer, isBinary)),
    );
    ws.on("pong", () => {
      l.lastSeen = Date.now();
      l.pingSentAt = 0;
    });
    ws.on("close", (code) => {
      this.links.delete(info.connId);
      engine.guard(undefined, "connection close", () => conn.transportClosed(code));
    });
    ws.on("error", (e) => {
      this.options.logger.debug("socket error", { connId: info.connId, error: String(e) });
    });
  }

  /**
   * Frames written during one turn of the event loop leave in one socket write (outbox.ts),
   * when the turn ends (setImmediate, after the promise callbacks that produce most responses).
   * One immediate serves every connection that wrote in the turn.
   */
  private flushAtTurnEnd(l: Link): void {
    this.dueLinks.push(l);
    if (this.dueLinks.length > 1) return;
    setImmediate(() => {
      const due = this.dueLinks;
      this.dueLinks = [];
      for (const link of due) this.engine.guard(link.conn, "flush", () => this.flush(link));
    });
  }

  /** Writes the link's outbox now (also before a close frame, even for a slow consumer). */
  private flush(l: Link): void {
    const open = l.ws.readyState === l.ws.OPEN;
    l.outbox.flush(open ? socketOf(l.ws) : undefined);
  }

  /** Whether `bytes` more would pass maxOutboundBytes (this turn's frames plus the socket's buffer). */
  private wouldOverflow(l: Link, bytes: number): boolean {
    const limit = this.transport.maxOutboundBytes;
    return l.outbox.bytes + bytes > limit || l.outbox.bytes + bytes + l.ws.bufferedAmount > limit;
  }

  /** A connection that cannot take what it is sent: close 4001 at once (it resumes elsewhere or later). */
  private slowConsumer(l: Link): void {
    l.closing = true;
    this.counters.slowConsumerCloses++;
    // On a sealed connection the frame just refused was sealed already (its nonce is spent):
    // a Disconnect after it could not be opened, so the close code alone tells the client.
    l.conn.close(CloseCode.SLOW_CONSUMER, "slow consumer", !l.conn.codec.sealed);
  }

  private onMessage(l: Link, data: Buffer, isBinary: boolean): void {
    const now = Date.now();
    this.counters.framesIn++;
    this.counters.bytesIn += data.byteLength;
    l.lastSeen = now;
    l.pingSentAt = 0;
    if (!l.conn.open) return; // the rest of a read that arrived after the close
    if (!isBinary) {
      l.conn.protocolError(invalidFrame(FrameRule.TEXT_MESSAGE, "text messages are not allowed"));
      return;
    }
    const allowed = l.bucket.take(now);
    // A refused frame is still read: its piggy-backed ACK counts (protocol.md §2).
    l.conn.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), !allowed);
    if (!allowed && l.conn.open && this.abusing(l, now)) {
      this.counters.rateAbuseCloses++;
      l.conn.close(CloseCode.RATE_LIMIT_ABUSE, "message rate abuse");
    }
  }

  /**
   * Counts one refused message in the link's leaky counter, which drains rateAbuseLimit per
   * rateAbuseWindowMs: true once it holds more than rateAbuseLimit (sustained abuse).
   */
  private abusing(l: Link, now: number): boolean {
    const t = this.transport;
    const drained = ((now - l.abuseAt) * t.rateAbuseLimit) / t.rateAbuseWindowMs;
    l.abuse = Math.max(0, l.abuse - drained) + 1;
    l.abuseAt = now;
    return l.abuse > t.rateAbuseLimit;
  }

  private startSweeper(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    const t = this.transport;
    const every = Math.max(
      20,
      Math.floor(Math.min(t.heartbeatIntervalMs, t.heartbeatTimeoutMs, t.authTimeoutMs, t.handshakeTimeoutMs) / 4),
    );
    this.sweeper = setInterval(() => this.sweep(), every);
    this.sweeper.unref();
  }

  /** Handshake deadline for sockets not upgraded yet; heartbeat and auth deadline for every connection. */
  private sweep(): void {
    const now = Date.now();
    const t = this.transport;
    for (const [socket, acceptedAt] of this.pendingSockets) {
      if (now - acceptedAt < t.handshakeTimeoutMs) break; // oldest first: the rest are younger
      this.pendingSockets.delete(socket);
      this.counters.handshakeTimeouts++;
      socket.destroy();
    }
    for (const l of this.links.values()) {
      if (l.closing || !l.conn.open) continue;
      this.engine.guard(l.conn, "liveness", () => this.checkLiveness(l, now));
    }
  }

  private checkLiveness(l: Link, now: number): void {
    const t = this.transport;
    if (!l.conn.authenticated && now - l.openedAt >= t.authTimeoutMs) {
      this.counters.authTimeouts++;
      l.conn.close(CloseCode.AUTH_TIMEOUT, "not authenticated in time");
    } else if (l.pingSentAt > 0) {
      if (now - l.pingSentAt >= t.heartbeatTimeoutMs) {
        this.counters.heartbeatTimeouts++;
        l.conn.close(CloseCode.HEARTBEAT_TIMEOUT, "heartbeat timeout");
      }
    } else if (now - l.lastSeen >= t.heartbeatIntervalMs) {
      l.pingSentAt = now;
      l.ws.ping();
    }
  }

  /** Closes a connection that has not authenticated, after `delayMs` (skipped if it does). */
  kickGuest(connId: string, delayMs = 0): void {
    setTimeout(() => {
      const l = this.links.get(connId);
      if (l && !l.conn.authenticated)
        this.engine.guard(l.conn, "kickGuest", () => l.conn.close(CloseCode.AUTH_TIMEOUT, "not authenticated"));
    }, delayMs).unref();
  }

  /**
   * Graceful shutdown: stop accepting, let in-flight requests finish (up to `drainMs`), send
   * Disconnect{1012, reconnect} to every connection, authenticated or not, and close.
   */
  async close(options: { drainMs?: number } = {}): Promise<void> {
    const drainMs = options.drainMs ?? 5000;
    this.draining = true;
    this.engine.draining = true;
    if (this.sweeper) clearInterval(this.sweeper);
    const deadline = Date.now() + drainMs;
    while (Date.now() < deadline && [...this.links.values()].some((l) => l.conn.inFlight > 0)) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const closed = [...this.links.values()].map(
      (l) =>
        new Promise<void>((resolve) => {
          if (l.ws.readyState === l.ws.CLOSED) return resolve();
          l.ws.once("close", () => resolve());
          l.conn.close(CloseCode.SERVER_SHUTDOWN, "server shutting down");
        }),
    );
    await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, 2000).unref())]);
    for (const l of this.links.values()) l.ws.terminate();
    this.http.off("upgrade", this.onUpgradeBound);
    this.http.off("connection", this.onSocketBound);
    for (const socket of this.pendingSockets.keys()) socket.destroy();
    this.pendingSockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    if (this.ownsHttp && this.http.listening) {
      this.http.closeAllConnections?.();
      await new Promise<void>((resolve) => this.http.close(() => resolve()));
    }
  }
}

/** Makes a server; call `listen()` on it (unless it is attached to your HTTP server). */
export function createServer(options: Partial<ServerOptions> = {}): TetherServer {
  return new TetherServer(options);
}
