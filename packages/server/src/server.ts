/**
 * The Tether WebSocket server on `ws`: the composition of the transport's parts. Upgrades are
 * admitted in upgrade.ts (with pending-handshakes.ts for sockets that have not upgraded), each
 * socket is wired to the session layer in socket-link.ts, the sweeper is liveness.ts, metrics
 * come from counters.ts and metrics.ts, and game code reaches players through the Gateway
 * (local-gateway.ts). `close()` drains gracefully.
 */
import { createServer as createHttpServer, type Server as HttpServer, type IncomingMessage } from "node:http";
import { Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { CloseCode, isGameMsgId } from "@tether/protocol";
import {
  InvalidOptionError,
  LIMIT_NAMES,
  type RequestContext,
  type RequestHandler,
  type RouteOptions,
  SessionEngine,
} from "@tether/system/internal";
import { WebSocketServer, type Server as WsServer } from "ws";
import { metricsSnapshot, newServerCounters, type ServerCounters } from "./counters.js";
import type { Gateway, MetricsSnapshot } from "./gateway.js";
import type { NodeGateway } from "./gateway-here.js";
import { Liveness } from "./liveness.js";
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
import { PendingHandshakes } from "./pending-handshakes.js";
import { listenOn, plainHttpAnswer } from "./plain-http.js";
import { LinkedSocket, type LinkHost, SocketLink, TurnFlusher } from "./socket-link.js";
import { TopicIndex } from "./topics.js";
import { type Decoder, type Encoder, notifyHandler, typedHandler } from "./typed-routes.js";
import { UpgradeAdmission } from "./upgrade.js";
import { setDefaultInboundLimit, socketOf } from "./ws-adapter.js";

export { closeReason } from "./socket-link.js";

/** The handler context of the server: the session layer's, the gateway and the server. */
export interface ServerContext extends RequestContext {
  readonly gateway: Gateway;
  readonly server: TetherServer;
}

/** Resolves after `ms`, without keeping the process alive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Socket errors before the upgrade completes: the socket closes, nothing else to do. */
const ignoreError = (): void => {};

export class TetherServer {
  readonly options: ServerOptions;
  readonly engine: SessionEngine;
  readonly topics: TopicIndex;
  readonly counters: ServerCounters = newServerCounters();
  /** How game code reaches players (gateway.md), served by this process. */
  readonly gateway: Gateway;
  /** This node's own gateway work, which other nodes of the cluster ask for. */
  private readonly gatewayHere: NodeGateway;
  readonly metrics: ServerMetrics;
  /** The transport's limits, live (setLimits changes them in place). */
  private readonly transport: TransportLimits;
  private readonly http: HttpServer;
  readonly ownsHttp: boolean;
  private readonly wss: WsServer<typeof LinkedSocket>;
  private readonly links = new Map<string, SocketLink>();
  private readonly pending: PendingHandshakes;
  private readonly admission: UpgradeAdmission;
  private readonly liveness: Liveness;
  private readonly flusher: TurnFlusher;
  /** What every SocketLink reads of the server: one object for all of them. */
  private readonly linkHost: LinkHost;
  draining = false;
  /** The cluster (if any) was joined by listen(). */
  private joined = false;
  private readonly onUpgradeBound = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    this.onUpgrade(req, socket, head).catch((e: unknown) => {
      this.options.logger.error("upgrade failed", { error: String(e) });
      socket.destroy();
    });
  };
  private readonly onSocketBound = (socket: Duplex) => this.pending.add(socket, this.engine.clock.now());

  constructor(options: Partial<ServerOptions> = {}) {
    this.options = resolveServerOptions(options);
    const o = this.options;
    const userHooks = o.hooks;
    this.engine = new SessionEngine({
      ...o,
      onSessionEnded: (session) => this.topics.forget(session),
      onSessionMoved: (session) => this.topics.drop(session),
      onSessionArrived: (session) => this.topics.adopt(session),
      cluster: o.cluster,
      hooks: {
        ...userHooks,
        onRequestComplete: (msgId, code, ms) => {
          this.metrics.observeRequest(msgId, code, ms);
          userHooks.onRequestComplete?.(msgId, code, ms);
        },
      },
    });
    this.transport = Object.fromEntries(TRANSPORT_LIMIT_NAMES.map((k) => [k, o[k]])) as unknown as TransportLimits;
    const cluster = this.engine.cluster;
    this.topics = new TopicIndex(this.transport, (change) => cluster.topicsChanged(change));
    const gateway = new LocalGateway(this);
    this.gateway = gateway;
    this.gatewayHere = gateway.here;
    this.engine.contextExtras = { gateway: this.gateway, server: this };
    this.metrics = new ServerMetrics({
      read: () => this.metricsSnapshot(),
      knownMsgId: (msgId) => !isGameMsgId(msgId) || this.engine.routes.has(msgId),
      ...(o.cluster === undefined ? {} : { cluster: () => this.engine.cluster.stats() }),
    });
    this.pending = new PendingHandshakes(this.transport, this.counters);
    const server = this; // read live by admission
    this.admission = new UpgradeAdmission({
      options: o,
      limits: this.transport,
      counters: this.counters,
      ownsHttp: o.server === undefined,
      get draining() {
        return server.draining;
      },
      get connectionCount() {
        return server.links.size;
      },
      newConnId: () => this.engine.newConnId(),
    });
    this.flusher = new TurnFlusher(this.engine);
    this.linkHost = {
      engine: this.engine,
      limits: this.transport,
      counters: this.counters,
      flusher: this.flusher,
      closed: (l) => this.links.delete(l.conn.connId),
      debug: (message, fields) => this.options.logger.debug(message, fields),
    };
    this.liveness = new Liveness(this.engine, this.transport, this.counters, () => this.links.values(), this.pending);
    // clientTracking off: the server keeps its own `links`; ws would add a Set entry and a close
    // listener (with its closure) per connection.
    this.wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      maxPayload: o.maxFrameBytes,
      perMessageDeflate: false,
      WebSocket: LinkedSocket,
    });
    this.ownsHttp = o.server === undefined;
    this.http = o.server ?? createHttpServer(plainHttpAnswer(o, this.metrics, () => this.draining));
    this.http.on("upgrade", this.onUpgradeBound);
    if (this.ownsHttp) this.http.on("connection", this.onSocketBound);
    if (options.authenticator === undefined) {
      o.logger.warn("no authenticator configured: every Login and Resume will answer UNAUTHORIZED");
    }
    this.liveness.start();
  }

  /**
   * Joins the cluster (when there is one), then starts listening (own HTTP server only).
   * Resolves with the ws:// URL. A server attached to your HTTP server calls it too.
   */
  async listen(): Promise<string> {
    if (this.options.cluster !== undefined && !this.joined) {
      const { serverEpoch } = await this.options.cluster.start(this.engine, this.gatewayHere);
      if (serverEpoch !== undefined) this.engine.serverEpoch = serverEpoch;
      this.joined = true;
    }
    if (this.ownsHttp && !this.http.listening) await listenOn(this.http, this.options);
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
    this.engine.route(msgId, notifyHandler(reqType, handler, this.context), options);
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

  // ---- metrics and limits -------------------------------------------------------------

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
    this.admission.configure();
    for (const l of this.links.values())
      l.bucket.configure(this.transport.messageRatePerSec, this.transport.messageBurst);
    if (patch.maxFrameBytes !== undefined) setDefaultInboundLimit(this.wss, patch.maxFrameBytes);
    this.liveness.start();
    return this.limits();
  }

  // ---- sockets ------------------------------------------------------------------------

  private async onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", ignoreError); // until ws takes the socket over (onOpen removes it)
    const info = await this.admission.admit(req, socket);
    if (info !== undefined) this.wss.handleUpgrade(req, socket, head, (ws) => this.onOpen(ws, info));
  }

  private onOpen(ws: LinkedSocket, info: UpgradeInfo): void {
    const socket = socketOf(ws);
    this.pending.upgraded(socket);
    socket?.off("error", ignoreError); // ws listens for socket errors itself from here on
    this.counters.connectionsOpened++;
    const link = new SocketLink(this.linkHost, ws, info);
    this.links.set(info.connId, link);
  }

  /** Closes a connection that has not authenticated, after `delayMs` (skipped if it does). */
  kickGuest(connId: string, delayMs = 0): boolean {
    if (!this.links.has(connId)) return false;
    this.engine.clock.setTimer(delayMs, () => {
      const l = this.links.get(connId);
      if (l && !l.conn.authenticated)
        this.engine.guard(l.conn, "kickGuest", () => l.conn.close(CloseCode.AUTH_TIMEOUT, "not authenticated"));
    });
    return true;
  }

  /**
   * Graceful shutdown: stop accepting, let in-flight requests finish (up to `drainMs`), send
   * Disconnect{1012, reconnect} to every connection, authenticated or not, and close (up to 2 s
   * for the closing handshakes, then the sockets are cut). In cluster mode the node then stays
   * in the cluster for up to `handoffMs` (default 10 s), handing its sessions to the nodes their
   * clients reconnect to, and leaves once none is left.
   */
  async close(options: { drainMs?: number; handoffMs?: number } = {}): Promise<void> {
    const drainMs = options.drainMs ?? 5000;
    this.draining = true;
    this.engine.draining = true;
    this.liveness.stop();
    const links = [...this.links.values()];
    if (drainMs > 0) await Promise.race([Promise.all(links.map((l) => l.conn.whenIdle())), delay(drainMs)]);
    const closed = [...this.links.values()].map(
      (l) =>
        new Promise<void>((resolve) => {
          if (l.ws.readyState === l.ws.CLOSED) return resolve();
          l.ws.once("close", () => resolve());
          l.conn.close(CloseCode.SERVER_SHUTDOWN, "server shutting down");
        }),
    );
    await Promise.race([Promise.all(closed), delay(2000)]);
    for (const l of this.links.values()) l.ws.terminate();
    this.http.off("upgrade", this.onUpgradeBound);
    this.http.off("connection", this.onSocketBound);
    this.pending.destroyAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    if (this.joined) await this.options.cluster?.stop(options.handoffMs ?? 10_000);
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
