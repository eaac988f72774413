/**
 * A session: what a player keeps across connections (sessions.md §1). At most one connection
 * is attached at a time. Pure state plus small helpers; the flows live in login.ts, resume.ts,
 * sync.ts and push.ts.
 */
import type { ConnectionCodec, OutgoingFrame } from "@tether/protocol";
import type { Clock, TimerHandle } from "./clock.js";
import { DedupCache } from "./dedup-cache.js";
import type { SessionLimits } from "./options.js";
import { PushRing } from "./push-ring.js";
import type { ConnectionInfo } from "./spi.js";

/**
 * What a session and its pushes use of the connection attached to it (connection.ts implements
 * it): the session layer is a graph of sessions and connections, typed from this side.
 */
export interface AttachedConnection {
  readonly connId: string;
  readonly info: ConnectionInfo;
  readonly codec: ConnectionCodec;
  /** The largest frame either way (the server's limit, or the smaller one agreed). */
  readonly maxFrameBytes: number;
  session: Session | undefined;
  /** Sends one frame through the codec; false when the connection is closed. */
  send(frame: OutgoingFrame, precompressed?: Uint8Array): boolean;
  /** Sends bytes already encoded for this codec (a fan-out's shared frame); `frame` describes them. */
  sendEncoded(bytes: Uint8Array, frame: OutgoingFrame): boolean;
  close(code: number, reason: string): void;
}

/** What a session holds of one of its requests (requests.ts's Call implements it). */
export interface SessionRequest {
  /**
   * Its neighbours in its session's running requests, a list threaded through the requests
   * themselves (so a session holds no array for them); undefined at either end, or when it is
   * not running.
   */
  runningPrev: SessionRequest | undefined;
  runningNext: SessionRequest | undefined;
  /** Bytes of its payload (what it holds while it waits). */
  readonly payloadBytes: number;
  /** The connection it came on. */
  readonly connection: AttachedConnection;
  /** Starts it from a scheduled callback. */
  startGuarded(): void;
  /** Takes it out of line unstarted; false when another connection joined it. */
  drop(): boolean;
  /** The session ended or changed under it (SESSION_EXPIRED). */
  expired(): void;
}

export interface SessionInit {
  readonly key: string;
  readonly sessionId: string;
  readonly playerId: number;
  readonly deviceId: string | undefined;
  readonly sessionEpoch: number;
  readonly data: Readonly<Record<string, string>> | undefined;
}

export class Session {
  readonly key: string;
  readonly sessionId: string;
  readonly playerId: number;
  readonly deviceId: string | undefined;
  /** Set at creation; in a cluster, the claim of its key gives it a cluster-wide one. */
  sessionEpoch: number;
  readonly createdAt: number;
  readonly ring: PushRing;
  readonly dedup: DedupCache;
  /** Requests of this session run one at a time (unless their route is concurrent): waiting ones. */
  readonly serialQueue: SessionRequest[] = [];
  /** Payload bytes of the requests in serialQueue (bounded by maxQueuedRequestBytes). */
  queuedBytes = 0;
  /** A serial request is running. */
  serialBusy = false;
  /** The newest request of this session whose handler is running (the others follow its runningNext). */
  private runningHead: SessionRequest | undefined;
  // Made on first use: an idle session holds none of these.
  private topicSet: Set<string> | undefined;
  private dataMap: Map<string, string> | undefined;
  private snapshotSet: Set<number> | undefined;
  private idleWaiters: (() => void)[] | undefined;

  /** The last pushId issued; pushIds of this session count 1, 2, 3, ... and never reset. */
  lastIssuedPushId = 0;
  /** The highest cumulative ACK seen. */
  lastAckedPushId = 0;
  /** The highest `rev` issued with a push (ResumeResp.server_state_revision). */
  stateRevision = 0;
  /** The client instance (hex) that last resumed this session. */
  clientInstance: string | undefined;
  connection: AttachedConnection | undefined;
  detachedAt: number | undefined;
  ended = false;
  /** Ended here because another node took it over: pushes made to it here follow it there. */
  movedAway = false;
  ttlTimer: TimerHandle | undefined;

  constructor(init: SessionInit, limits: SessionLimits, clock: Clock, onEvict?: () => void) {
    this.key = init.key;
    this.sessionId = init.sessionId;
    this.playerId = init.playerId;
    this.deviceId = init.deviceId;
    this.sessionEpoch = init.sessionEpoch;
    this.createdAt = clock.now();
    this.ring = new PushRing(limits, onEvict);
    this.dedup = new DedupCache(limits, clock);
    if (init.data) for (const [k, v] of Object.entries(init.data)) this.data.set(k, v);
  }

  /** The topics this session is subscribed to. */
  get topics(): Set<string> {
    this.topicSet ??= new Set();
    return this.topicSet;
  }

  /** The session's data: a small string map for game code. */
  get data(): Map<string, string> {
    this.dataMap ??= new Map();
    return this.dataMap;
  }

  /** Tracks a request whose handler started. */
  addRunning(call: SessionRequest): void {
    const head = this.runningHead;
    call.runningPrev = undefined;
    call.runningNext = head;
    if (head !== undefined) head.runningPrev = call;
    this.runningHead = call;
  }

  /** Forgets a request that was answered (O(1): it unlinks itself). */
  removeRunning(call: SessionRequest): void {
    const prev = call.runningPrev;
    const next = call.runningNext;
    if (prev === undefined) {
      if (this.runningHead !== call) return; // not running here
      this.runningHead = next;
    } else {
      prev.runningNext = next;
    }
    if (next !== undefined) next.runningPrev = prev;
    call.runningPrev = undefined;
    call.runningNext = undefined;
    if (this.runningHead === undefined && this.idleWaiters !== undefined) {
      const waiters = this.idleWaiters;
      this.idleWaiters = undefined;
      for (const w of waiters) w();
    }
  }

  /** Resolves when no request of this session is running (a handoff waits for that). */
  whenIdle(): Promise<void> {
    if (this.runningHead === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters ??= [];
      this.idleWaiters.push(resolve);
    });
  }

  /** Tells the requests running now that the session ended or changed (SESSION_EXPIRED). */
  expireRunning(): void {
    if (this.runningHead === undefined) return;
    const running: SessionRequest[] = [];
    for (let c: SessionRequest | undefined = this.runningHead; c !== undefined; c = c.runningNext) running.push(c);
    for (let i = running.length - 1; i >= 0; i--) (running[i] as SessionRequest).expired(); // oldest first; each removes itself
  }

  /** pushIds of Sync snapshots still being built (a resume below one needs a full sync). */
  get pendingSnapshots(): Set<number> {
    this.snapshotSet ??= new Set();
    return this.snapshotSet;
  }

  get attached(): boolean {
    return this.connection !== undefined;
  }

  /** Whether a snapshot above `lastApplied` is still being built. */
  snapshotPendingAbove(lastApplied: number): boolean {
    if (this.snapshotSet === undefined) return false;
    for (const k of this.snapshotSet) if (k > lastApplied) return true;
    return false;
  }

  /**
   * A serial request finished: the next one starts a microtask later (the session stays busy
   * meanwhile), so whatever finished it (a re-login ending the session, a timeout) has run to
   * its end first, as with a promise chain, and no request starts inside another's end.
   */
  releaseSerial(): void {
    const next = this.serialQueue.shift();
    if (next === undefined) {
      this.serialBusy = false;
      return;
    }
    this.queuedBytes -= next.payloadBytes;
    queueMicrotask(() => next.startGuarded());
  }

  nextPushId(): number {
    return ++this.lastIssuedPushId;
  }
}
