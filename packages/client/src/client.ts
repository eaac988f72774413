/**
 * TetherClient: connects, says hello, resumes (or syncs), keeps reliable pushes in order and
 * exactly once for the app, sends requests, and reconnects with backoff on the codes that say
 * so. The pieces live beside it: Link (one socket), PushPipeline (ordering, snapshot barrier),
 * RequestBook (seq, queue, timeouts, re-send).
 */
import {
  CloseCode,
  DisconnectPush,
  ErrorCode,
  type Frame,
  FrameFlag,
  FrameType,
  fromHex,
  hasFlag,
  isTetherError,
  LogoutReq,
  ResumeReq,
  ResumeResp,
  ResumeResult,
  SyncReq,
  SystemMsgId,
  shouldReconnect,
  TetherError,
  toHex,
} from "@tether/protocol";
import { backoffDelay } from "./backoff.js";
import { type ClientEvents, type ClientState, Emitter } from "./events.js";
import { Link } from "./link.js";
import { type ClientOptions, resolveClientOptions } from "./options.js";
import { type PushMeta, PushPipeline } from "./push-pipeline.js";
import { RequestBook } from "./requests.js";
import type { StoredState } from "./store.js";
import { globalTransport, type TransportFactory } from "./transport.js";

/** The static side of a generated protobufjs message class. */
export interface MessageType<T> {
  decode(bytes: Uint8Array): T;
  encode(message: T): { finish(): Uint8Array };
}

type PushHandler = (payload: Uint8Array, meta: PushMeta) => void | Promise<void>;
type SnapshotHandler = (snapshot: Uint8Array, revision: number) => void | Promise<void>;

const CLOSED_BY_APP = 1000;

export class TetherClient {
  readonly options: ClientOptions;
  private readonly emitter = new Emitter<ClientEvents>();
  private readonly transport: TransportFactory;
  private readonly pushHandlers = new Map<number, PushHandler>();
  private snapshotHandler: SnapshotHandler | undefined;
  private readonly pipeline: PushPipeline;
  private readonly requests: RequestBook;
  private stored: StoredState;
  private current: ClientState = { kind: "idle" };
  private link: Link | undefined;
  private attempt = 0;
  private stopped = true;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private ackTimer: ReturnType<typeof setTimeout> | undefined;
  private lastAckSent = 0;
  private pendingAcks = 0;
  private pingSentAt = 0;
  private heartbeatIntervalMs = 25_000;
  private lastDisconnect: { code: number; reason: string } | undefined;
  private lastError: TetherError | undefined;
  /** Increases with each attempt (and with close()): a stale attempt stops at its next await. */
  private generation = 0;

  constructor(options: Partial<ClientOptions> & Pick<ClientOptions, "url" | "token">) {
    this.options = resolveClientOptions(options);
    this.transport = this.options.transport ?? globalTransport();
    this.stored = this.options.store.load() ?? {
      lastAppliedPushId: 0,
      clientInstance: toHex(this.options.crypto.randomBytes(16)),
      serverEpoch: "",
      nextSeq: 1,
    };
    this.options.store.save(this.stored);
    this.pipeline = new PushPipeline(this.stored.lastAppliedPushId, {
      deliver: (f) => this.deliver(f),
      snapshot: (s, r) => this.applySnapshot(s, r),
      applied: (id) => this.applied(id),
      gap: () => this.link?.close(CloseCode.HEARTBEAT_TIMEOUT, "gap in reliable pushes"),
    });
    this.requests = new RequestBook({
      requestTimeoutMs: this.options.requestTimeoutMs,
      maxQueuedRequests: this.options.maxQueuedRequests,
      nextSeq: () => this.nextSeq(),
      ackToSend: () => this.takeAck(),
    });
  }

  // ---- public API -----------------------------------------------------------------------

  get state(): ClientState {
    return this.current;
  }

  /** The last reliable pushId the app has applied. */
  get lastAppliedPushId(): number {
    return this.pipeline.lastApplied;
  }

  on<K extends keyof ClientEvents>(event: K, listener: (e: ClientEvents[K]) => void): () => void {
    return this.emitter.on(event, listener);
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
    this.pushHandlers.set(msgId, handler);
    return this;
  }

  /** Registering a snapshot handler makes the client Sync after NEED_FULL_SYNC. */
  onSnapshot(handler: SnapshotHandler): this {
    this.snapshotHandler = handler;
    return this;
  }

  /** Connects (or reconnects after close()); resolves when ready, rejects if closed first. */
  connect(): Promise<void> {
    if (this.stopped) {
      this.stopped = false;
      this.attempt = 0;
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
      .call(SystemMsgId.LOGOUT, this.nextSeq(), LogoutReq.encode({}).finish(), this.options.requestTimeoutMs)
      .catch(() => undefined);
    this.requests.failAll(new TetherError(ErrorCode.SESSION_EXPIRED, "logged out"));
    this.stored = { ...this.stored, lastAppliedPushId: 0, serverEpoch: "" };
    this.options.store.save(this.stored);
    this.pipeline.reset(0, false);
    link.close(CloseCode.LOGGED_OUT, "logged out");
  }

  /** Closes without ending the session: a later connect() resumes it. */
  close(): void {
    if (this.stopped && this.link === undefined) return;
    this.stopped = true;
    this.generation++;
    clearTimeout(this.reconnectTimer);
    this.flushAck();
    const link = this.link;
    if (link) link.close(CLOSED_BY_APP, "closed by the app");
    else this.setState({ kind: "closed", code: CLOSED_BY_APP, reason: "closed by the app" });
  }

  // ---- connecting -------------------------------------------------------------------------

  private async runAttempt(): Promise<void> {
    if (this.stopped) return;
    const generation = ++this.generation;
    this.setState({ kind: "connecting" });
    this.lastDisconnect = undefined;
    let link: Link;
    try {
      link = await Link.open(this.transport(this.options.url), {
        frame: (f) => this.onFrame(f),
        closed: (code, reason) => this.onLinkClosed(link, code, reason),
      });
    } catch {
      if (generation === this.generation) this.scheduleReconnect();
      return;
    }
    if (this.stopped || generation !== this.generation) {
      link.close(CLOSED_BY_APP, "closed by the app"); // a stale attempt: its close is not reported
      return;
    }
    this.link = link;
    this.pipeline.newConnection();
    try {
      this.setState({ kind: "handshaking" });
      const hello = await link.hello(this.options, this.nextSeq());
      this.heartbeatIntervalMs = hello.heartbeatIntervalMs;
      this.setState({ kind: "authenticating" });
      const token = typeof this.options.token === "function" ? await this.options.token() : this.options.token;
      this.flushPendingAckState();
      const resp = ResumeResp.decode(
        (
          await link.call(
            SystemMsgId.RESUME,
            this.nextSeq(),
            ResumeReq.encode({
              token,
              lastAppliedPushId: this.pipeline.lastApplied,
              serverEpoch: this.stored.serverEpoch,
              clientInstance: fromHex(this.stored.clientInstance),
            }).finish(),
            this.options.requestTimeoutMs,
          )
        ).payload,
      );
      this.stored = { ...this.stored, serverEpoch: resp.serverEpoch };
      this.options.store.save(this.stored);
      this.lastAckSent = this.pipeline.lastApplied;
      if (resp.result === ResumeResult.RESUME_OK) {
        this.requests.resend();
        this.emitter.emit("resumed", { replayed: resp.replayCount });
      } else {
        this.requests.expireSent();
        this.pipeline.reset(resp.maxBufferedPushId, this.snapshotHandler !== undefined);
        this.applied(resp.maxBufferedPushId);
      }
      // Still waiting for a snapshot (now, or since an earlier Sync failed): ask for one.
      if (this.pipeline.awaitingSnapshot) await this.sync(link);
      this.attempt = 0;
      this.startHeartbeat(link);
      this.requests.attach(link, hello.maxInFlightReq);
      this.setState({ kind: "ready" });
    } catch (e) {
      this.onAttemptFailed(link, e);
    }
  }

  private async sync(link: Link): Promise<void> {
    this.setState({ kind: "syncing" });
    try {
      await link.call(SystemMsgId.SYNC, this.nextSeq(), SyncReq.encode({}).finish(), this.options.requestTimeoutMs);
    } catch (e) {
      if (!(isTetherError(e) && e.code === ErrorCode.SYNC_UNSUPPORTED)) throw e;
      // The server has no snapshots: deliver what arrives from the baseline on.
      this.emitter.emit("error", { error: e as TetherError });
      this.pipeline.giveUpSnapshot();
    }
  }

  private onAttemptFailed(link: Link, e: unknown): void {
    const fatal = isTetherError(e) && (e.code === ErrorCode.UNSUPPORTED_PROTOCOL || e.code === ErrorCode.UNAUTHORIZED);
    if (fatal) {
      // Recorded even when the server already closed the link: connect() rejects with it.
      this.lastError = e as TetherError;
      this.emitter.emit("error", { error: e as TetherError });
      this.stopped = true;
      if (!link.open) return;
      const code = e.code === ErrorCode.UNAUTHORIZED ? CloseCode.UNAUTHORIZED : CloseCode.PROTOCOL_ERROR;
      link.close(code, e.message);
      return;
    }
    if (!link.open) return; // the close handler decides
    this.emitter.emit("error", { error: e instanceof Error ? e : new Error(String(e)) });
    link.close(CloseCode.HEARTBEAT_TIMEOUT, "connection attempt failed");
  }

  private onLinkClosed(link: Link, code: number, reason: string): void {
    if (this.link !== link) return;
    this.link = undefined;
    this.stopHeartbeat();
    this.requests.detach();
    const d = this.lastDisconnect ?? { code, reason };
    if (this.stopped) {
      this.setState({ kind: "closed", code: d.code, reason: d.reason });
      return;
    }
    if (shouldReconnect(d.code)) {
      this.scheduleReconnect();
      return;
    }
    this.stopped = true;
    if (d.code === CloseCode.SESSION_TAKEN_OVER || d.code === CloseCode.KICKED) this.emitter.emit("kicked", d);
    this.setState({ kind: "closed", code: d.code, reason: d.reason });
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const { minDelayMs, maxDelayMs } = this.options.reconnect;
    const delayMs = backoffDelay(this.attempt, minDelayMs, maxDelayMs, this.options.random);
    this.attempt++;
    this.setState({ kind: "reconnecting", attempt: this.attempt, delayMs });
    this.reconnectTimer = setTimeout(() => void this.runAttempt(), delayMs);
  }

  // ---- inbound ----------------------------------------------------------------------------

  private onFrame(f: Frame): void {
    this.pingSentAt = 0;
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
        return; // PONG (liveness already noted), PING from the server is not expected
    }
  }

  private async deliver(f: Frame): Promise<void> {
    const handler = this.pushHandlers.get(f.msgId);
    if (!handler) return;
    try {
      await handler(f.payload, {
        pushId: f.pushId,
        reliable: f.pushId > 0,
        replay: hasFlag(f.flags, FrameFlag.REPLAY),
        rev: f.rev,
        ts: f.ts,
      });
    } catch (e) {
      this.emitter.emit("error", { error: e instanceof Error ? e : new Error(String(e)) });
    }
  }

  private async applySnapshot(snapshot: Uint8Array, revision: number): Promise<void> {
    try {
      await this.snapshotHandler?.(snapshot, revision);
    } catch (e) {
      this.emitter.emit("error", { error: e instanceof Error ? e : new Error(String(e)) });
    }
    this.emitter.emit("synced", { revision });
  }

  // ---- ACKs and the store -------------------------------------------------------------------

  private applied(pushId: number): void {
    this.stored = { ...this.stored, lastAppliedPushId: pushId };
    this.options.store.save(this.stored);
    if (pushId <= this.lastAckSent) return;
    if (++this.pendingAcks >= this.options.ackBatch) this.flushAck();
    else if (this.ackTimer === undefined) {
      this.ackTimer = setTimeout(() => this.flushAck(), this.options.ackDelayMs);
      (this.ackTimer as { unref?: () => void }).unref?.();
    }
  }

  /** The ACK to piggy-back on an outgoing request (and counts it sent). */
  private takeAck(): number {
    const n = this.pipeline.lastApplied;
    if (n <= this.lastAckSent) return 0;
    this.lastAckSent = n;
    this.pendingAcks = 0;
    return n;
  }

  private flushAck(): void {
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
    const link = this.link;
    if (!link?.open || this.current.kind !== "ready") return;
    const n = this.takeAck();
    if (n > 0) link.send({ type: FrameType.ACK, pushId: n });
  }

  /** Before a Resume: its last_applied counts as the ACK. */
  private flushPendingAckState(): void {
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
    this.pendingAcks = 0;
  }

  private nextSeq(): number {
    const seq = this.stored.nextSeq;
    this.stored = { ...this.stored, nextSeq: seq + 1 };
    this.options.store.save(this.stored);
    return seq;
  }

  // ---- heartbeat ----------------------------------------------------------------------------

  private startHeartbeat(link: Link): void {
    this.stopHeartbeat();
    link.lastInbound = Date.now();
    this.pingSentAt = 0;
    const every = Math.max(20, Math.min(this.heartbeatIntervalMs, this.options.heartbeatTimeoutMs) / 4);
    this.heartbeatTimer = setInterval(() => {
      const now = Date.now();
      if (this.pingSentAt > 0) {
        if (now - this.pingSentAt >= this.options.heartbeatTimeoutMs)
          link.close(CloseCode.HEARTBEAT_TIMEOUT, "dead link");
      } else if (now - link.lastInbound >= this.heartbeatIntervalMs) {
        this.pingSentAt = now;
        link.send({ type: FrameType.PING });
      }
    }, every);
    (this.heartbeatTimer as { unref?: () => void }).unref?.();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  private setState(s: ClientState): void {
    this.current = s;
    if (s.kind === "ready") this.flushAck();
    this.emitter.emit("state", s);
  }
}
