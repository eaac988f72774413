/**
 * TetherClient: the app's handle, and the lifecycle that ties the parts together (connect,
 * attempt, ready, close, reconnect). The rules live beside it: Link (one socket), handshake
 * (attempt.ts), PushPipeline (order, snapshot barrier), RequestBook, AckScheduler, Heartbeat,
 * Backoff and the close table (reconnect-policy.ts), SessionRecord (what is persisted), Handlers.
 */
import {
  CloseCode,
  DisconnectPush,
  ErrorCode,
  type Frame,
  FrameType,
  LogoutReq,
  SystemMsgId,
  TetherError,
} from "@tether/protocol";
import { AckScheduler } from "./ack-scheduler.js";
import { type AttemptContext, handshake, refusal } from "./attempt.js";
import { asError, type ClientEvents, type ClientState, Emitter } from "./events.js";
import { Handlers, type PushHandler, type SnapshotHandler } from "./handlers.js";
import { Heartbeat } from "./heartbeat.js";
import { Link } from "./link.js";
import { type ClientOptions, resolveClientOptions } from "./options.js";
import { PageSignals } from "./page-signals.js";
import { type PushMeta, PushPipeline } from "./push-pipeline.js";
import { afterClose, Backoff, LocalClose } from "./reconnect-policy.js";
import { RequestBook } from "./requests.js";
import { SessionRecord } from "./session-record.js";
import { globalTransport, type TransportFactory } from "./transport.js";

/** The static side of a generated protobufjs message class. */
export interface MessageType<T> {
  decode(bytes: Uint8Array): T;
  encode(message: T): { finish(): Uint8Array };
}

export class TetherClient {
  readonly options: ClientOptions;
  private readonly events = new Emitter<ClientEvents>();
  private readonly transport: TransportFactory;
  private readonly record: SessionRecord;
  private readonly handlers: Handlers;
  private readonly acks: AckScheduler;
  private readonly pipeline: PushPipeline;
  private readonly requests: RequestBook;
  private readonly heartbeat: Heartbeat;
  /** The page's online and visibility events, in browsers (page-signals.ts). */
  private readonly page: PageSignals;
  private readonly backoff: Backoff;
  private readonly attempt: AttemptContext;
  private current: ClientState = { kind: "idle" };
  private session: string | undefined;
  private link: Link | undefined;
  private stopped = true;
  private lastDisconnect: { code: number; reason: string } | undefined;
  private lastError: TetherError | undefined;
  /** Increases with each attempt (and with close()): a stale attempt stops at its next await. */
  private generation = 0;

  constructor(options: Partial<ClientOptions> & Pick<ClientOptions, "url" | "token">) {
    const o = resolveClientOptions(options);
    this.options = o;
    this.transport = o.transport ?? globalTransport();
    this.record = new SessionRecord(o.store, (n) => o.crypto.randomBytes(n));
    this.handlers = new Handlers(this.events);
    this.acks = new AckScheduler(o, () => this.record.lastAppliedPushId, {
      ready: () => this.link?.open === true && this.current.kind === "ready",
      send: (pushId) => this.link?.send({ type: FrameType.ACK, pushId, ackSeq: this.requests.answeredThrough() }),
    });
    this.pipeline = new PushPipeline(this.record, {
      deliver: (f) => this.handlers.deliver(f),
      snapshot: (s, r) => this.handlers.snapshot(s, r),
      applied: (pushId) => this.acks.applied(pushId),
      gap: () => this.link?.close(LocalClose.PUSH_GAP.code, LocalClose.PUSH_GAP.reason),
    });
    this.requests = new RequestBook({
      requestTimeoutMs: o.requestTimeoutMs,
      maxQueuedRequests: o.maxQueuedRequests,
      clock: o.clock,
      nextSeq: () => this.record.takeSeq(),
      ackToSend: () => this.acks.take(),
    });
    this.heartbeat = new Heartbeat(o.clock);
    this.page = new PageSignals(() => this.reconnectNow());
    this.backoff = new Backoff(o);
    this.attempt = {
      options: o,
      record: this.record,
      pipeline: this.pipeline,
      requests: this.requests,
      acks: this.acks,
      handlers: this.handlers,
      events: this.events,
      setState: (s) => this.setState(s),
      setSession: (id) => {
        this.session = id;
      },
    };
  }

  // ---- public API -----------------------------------------------------------------------

  get state(): ClientState {
    return this.current;
  }

  /** The last reliable pushId the app has applied. */
  get lastAppliedPushId(): number {
    return this.record.lastAppliedPushId;
  }

  /**
   * The highest pushId the server has been told the app applied (by an ACK, or the pushId a
   * Resume carried); at most `lastAppliedPushId`, behind it by what waits for the next ACK.
   */
  get lastAckedPushId(): number {
    return this.acks.acknowledged;
  }

  /** The id of the session the client was last bound to (from the Resume's answer); undefined before. */
  get sessionId(): string | undefined {
    return this.session;
  }

  on<K extends keyof ClientEvents>(event: K, listener: (e: ClientEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Typed push handler; the ACK of a reliable push waits for it (awaited). */
  onPush<T>(
    msgId: number,
    type: Pick<MessageType<T>, "decode">,
    handler: (msg: T, meta: PushMeta) => void | Promise<void>,
  ): this {
    return this.onPushRaw(msgId, (payload, meta) => handler(type.decode(payload), meta));
  }

  onPushRaw(msgId: number, handler: PushHandler): this {
    this.handlers.onPush(msgId, handler);
    return this;
  }

  /** Registering a snapshot handler makes the client Sync after NEED_FULL_SYNC. */
  onSnapshot(handler: SnapshotHandler): this {
    this.handlers.onSnapshot(handler);
    return this;
  }

  /** Connects (or reconnects after close()); resolves when ready, rejects if closed first. */
  connect(): Promise<void> {
    if (this.stopped) {
      this.stopped = false;
      if (this.options.pageSignals) this.page.start();
      this.backoff.reset();
      this.lastError = undefined;
      void this.runAttempt();
    }
    return new Promise((resolve, reject) => {
      if (this.current.kind === "ready") return resolve();
      const off = this.on("state", (s) => {
        if (s.kind === "ready") {
          off();
          resolve();
        } else if (s.kind === "closed") {
          off();
          reject(this.lastError ?? new TetherError(ErrorCode.SESSION_EXPIRED, `closed: ${s.code} ${s.reason}`));
        }
      });
    });
  }

  async request<Req, Resp>(
    msgId: number,
    reqType: Pick<MessageType<Req>, "encode">,
    req: Req,
    respType: Pick<MessageType<Resp>, "decode">,
  ): Promise<Resp> {
    return respType.decode(await this.requestRaw(msgId, reqType.encode(req).finish()));
  }

  requestRaw(msgId: number, payload: Uint8Array = new Uint8Array(0)): Promise<Uint8Array> {
    return this.requests.request(msgId, payload);
  }

  /** A one-way notify (never answered). Throws SERVER_BUSY when not connected. */
  notify<T>(msgId: number, type: Pick<MessageType<T>, "encode">, msg: T): void {
    this.requests.notify(msgId, type.encode(msg).finish());
  }

  /** Ends the session on the server and closes (4504). */
  async logout(): Promise<void> {
    const link = this.link;
    if (!link?.open || this.current.kind !== "ready") throw new TetherError(ErrorCode.NEED_LOGIN, "not connected");
    this.stopped = true;
    await link
      .call(SystemMsgId.LOGOUT, this.record.takeSeq(), LogoutReq.encode({}).finish(), this.options.requestTimeoutMs)
      .catch(() => undefined);
    this.requests.failAll(new TetherError(ErrorCode.SESSION_EXPIRED, "logged out"));
    this.pipeline.reset(0, false);
    this.record.forgetSession();
    link.close(CloseCode.LOGGED_OUT, "logged out");
  }

  /**
   * Reconnects at once when waiting out a backoff; when connected, checks the link with a PING
   * (a dead one is closed after heartbeatTimeoutMs, then reconnected). Call it when your game
   * knows the network is back; in browsers the page's `online` and `visibilitychange` events do.
   */
  reconnectNow(): void {
    if (this.stopped) return;
    if (this.current.kind === "reconnecting") {
      this.backoff.cancel();
      void this.runAttempt();
    } else if (this.current.kind === "ready") {
      this.heartbeat.probe();
    }
  }

  /** Closes without ending the session: a later connect() resumes it. */
  close(): void {
    this.page.stop();
    if (this.stopped && this.link === undefined) return;
    this.stopped = true;
    this.generation++;
    this.backoff.cancel();
    this.acks.flush();
    const { code, reason } = LocalClose.CLOSED_BY_APP;
    if (this.link) this.link.close(code, reason);
    else this.setState({ kind: "closed", code, reason });
  }

  // ---- the lifecycle ------------------------------------------------------------------------

  private async runAttempt(): Promise<void> {
    if (this.stopped) return;
    const generation = ++this.generation;
    this.setState({ kind: "connecting" });
    this.lastDisconnect = undefined;
    let link: Link;
    try {
      link = await Link.open(
        this.transport(this.options.url),
        {
          heard: () => this.heartbeat.heard(),
          frame: (f) => this.onFrame(f),
          closed: (code, reason) => this.onLinkClosed(link, code, reason),
        },
        this.options.clock,
      );
    } catch {
      if (generation === this.generation) this.scheduleReconnect();
      return;
    }
    if (this.stopped || generation !== this.generation) {
      // A stale attempt: its close is not reported.
      link.close(LocalClose.CLOSED_BY_APP.code, LocalClose.CLOSED_BY_APP.reason);
      return;
    }
    this.link = link;
    this.pipeline.newConnection();
    try {
      const hello = await handshake(link, this.attempt);
      this.backoff.reset();
      this.heartbeat.start(
        {
          ping: () => link.send({ type: FrameType.PING, ackSeq: this.requests.answeredThrough() }),
          dead: () => link.close(LocalClose.DEAD_LINK.code, LocalClose.DEAD_LINK.reason),
        },
        Math.min(hello.heartbeatIntervalMs, this.options.pingAfterSilenceMs ?? Number.POSITIVE_INFINITY),
        this.options.heartbeatTimeoutMs,
      );
      this.requests.attach(link, hello.maxInFlightReq);
      this.setState({ kind: "ready" });
    } catch (e) {
      this.onAttemptFailed(link, e);
    }
  }

  private onAttemptFailed(link: Link, e: unknown): void {
    const refused = refusal(e);
    if (refused) {
      // Recorded even when the server already closed the link: connect() rejects with it.
      this.lastError = refused.error;
      this.events.emit("error", { error: refused.error });
      this.stopped = true;
      if (link.open) link.close(refused.closeCode, refused.error.message);
      return;
    }
    if (!link.open) return; // the close handler decides
    this.events.emit("error", { error: asError(e) });
    link.close(LocalClose.ATTEMPT_FAILED.code, LocalClose.ATTEMPT_FAILED.reason);
  }

  private onLinkClosed(link: Link, code: number, reason: string): void {
    if (this.link !== link) return;
    this.link = undefined;
    this.heartbeat.stop();
    this.requests.detach();
    const d = this.lastDisconnect ?? { code, reason };
    if (!this.stopped) {
      const next = afterClose(d.code);
      if (next === "reconnect") {
        this.scheduleReconnect();
        return;
      }
      this.stopped = true;
      if (next === "kicked") this.events.emit("kicked", d);
    }
    this.setState({ kind: "closed", code: d.code, reason: d.reason });
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const { attempt, delayMs } = this.backoff.schedule(() => void this.runAttempt());
    this.setState({ kind: "reconnecting", attempt, delayMs });
  }

  private onFrame(f: Frame): void {
    switch (f.type) {
      case FrameType.RESP:
        this.requests.onResponse(f);
        return;
      case FrameType.PUSH:
        if (f.msgId === SystemMsgId.DISCONNECT && f.pushId === 0) {
          const d = DisconnectPush.decode(f.payload);
          this.lastDisconnect = { code: d.code, reason: d.reason };
          return;
        }
        this.pipeline.push(f);
        return;
      default:
        return; // PONG (a sign of life, already heard), PING from the server is not expected
    }
  }

  private setState(s: ClientState): void {
    this.current = s;
    if (s.kind === "closed") this.page.stop();
    if (s.kind === "ready") this.acks.flush();
    this.events.emit("state", s);
  }
}
