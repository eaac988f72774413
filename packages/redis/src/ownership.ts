/**
 * The sessions this node owns and the owner's writes to their records (scripts.ts): claims,
 * takeovers, attached / detached, end, and the renewal of attached sessions' keys. Each write
 * names the fence this node holds; a stale one changes nothing. Best-effort writes never block
 * the session layer: a failure is logged and the keys' time to live ends what it would have.
 */
import type { Logger } from "@tether/system";
import type { Session } from "@tether/system/internal";
import type { Redis } from "ioredis";
import type { Keys } from "./keys.js";
import { CLAIM_KEY, END_SESSION, REASSERT, SET_ATTACHED, TAKE_OVER } from "./scripts.js";

/** The scripts, as ioredis commands (defineCommand). */
interface ScriptCommands {
  claimKey(...args: (string | number)[]): Promise<string[]>;
  takeOver(...args: (string | number)[]): Promise<string[] | null>;
  setAttached(...args: (string | number)[]): Promise<number>;
  endSession(...args: (string | number)[]): Promise<number>;
  reassert(...args: (string | number)[]): Promise<number>;
}

/** What re-asserting ownership found: sessions another node took over, and sessions a Login replaced. */
export interface Reasserted {
  readonly moved: readonly string[];
  readonly replaced: readonly string[];
}

/** What this node holds of a session it owns. */
interface Owned {
  readonly playerId: number;
  readonly key: string;
  readonly deviceId: string;
  readonly createdAt: number;
  readonly sessionEpoch: number;
  fence: string;
  /** When its keys' time to live was last renewed. */
  renewedAt: number;
}

/** A claim's answer: claimed or not, and the session it replaced (with its owner). */
export interface Claim {
  readonly claimed: boolean;
  readonly oldSid: string;
  readonly oldOwner: string;
}

/** A takeover's answer: the session's identity and its previous owner. */
export interface Taken {
  readonly sid: string;
  readonly oldOwner: string;
  readonly deviceId: string | undefined;
  readonly sessionEpoch: number;
  /** The session's topics, as its owner last recorded them. */
  readonly topics: readonly string[];
}

/** A record's topics field: a JSON array of strings, or none. */
function parseTopics(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

export class Ownership {
  private readonly redis: Redis & ScriptCommands;
  private readonly owned = new Map<string, Owned>();
  /** Set while a draining node waits for its sessions to move away. */
  private emptied: (() => void) | undefined;

  constructor(
    redis: Redis,
    private readonly keys: Keys,
    private readonly nodeId: string,
    /** How long a session's keys live without renewal. */
    private readonly ttlMs: () => number,
    private readonly logger: () => Logger | undefined,
  ) {
    redis.defineCommand("claimKey", { numberOfKeys: 3, lua: CLAIM_KEY });
    redis.defineCommand("takeOver", { numberOfKeys: 1, lua: TAKE_OVER });
    redis.defineCommand("setAttached", { numberOfKeys: 4, lua: SET_ATTACHED });
    redis.defineCommand("endSession", { numberOfKeys: 4, lua: END_SESSION });
    redis.defineCommand("reassert", { numberOfKeys: 3, lua: REASSERT });
    this.redis = redis as Redis & ScriptCommands;
  }

  get size(): number {
    return this.owned.size;
  }

  /** Claims `s`'s key for it (a Login); under no kick, a held session wins. */
  async claim(s: Session, kick: boolean): Promise<Claim> {
    const k = this.keys;
    const [result, oldSid = "", oldOwner = ""] = await this.redis.claimKey(
      k.sessionKey(s.playerId, s.key),
      k.session(s.playerId, s.sessionId),
      k.player(s.playerId),
      k.session(s.playerId, ""),
      s.sessionId,
      this.nodeId,
      kick ? 1 : 0,
      this.ttlMs(),
      s.key,
      s.playerId,
      s.deviceId ?? "",
      s.createdAt,
      s.sessionEpoch,
      k.log(s.playerId, ""),
    );
    if (result === "claimed") {
      this.own(s.sessionId, {
        playerId: s.playerId,
        key: s.key,
        deviceId: s.deviceId ?? "",
        createdAt: s.createdAt,
        sessionEpoch: s.sessionEpoch,
        fence: "1",
      });
      await this.redis.set(k.sessionPlayer(s.sessionId), s.playerId, "PX", this.ttlMs());
    }
    if (oldSid !== "" && result === "claimed") this.redis.del(k.sessionPlayer(oldSid)).catch(() => {});
    return { claimed: result === "claimed", oldSid, oldOwner };
  }

  /** Becomes the owner of the session of `key` (fence + 1); undefined when there is none. */
  async takeOver(key: string, playerId: number): Promise<Taken | undefined> {
    const r = await this.redis.takeOver(
      this.keys.sessionKey(playerId, key),
      this.keys.session(playerId, ""),
      this.nodeId,
      this.ttlMs(),
    );
    if (r === null) return undefined;
    const [sid = "", oldOwner = "", fence = "0", , , device = "", epoch = "0", created = "0", topics = "[]"] = r;
    this.own(sid, { playerId, key, deviceId: device, createdAt: Number(created), sessionEpoch: Number(epoch), fence });
    this.redis.pexpire(this.keys.sessionPlayer(sid), this.ttlMs()).catch(() => {});
    return {
      sid,
      oldOwner,
      deviceId: device === "" ? undefined : device,
      sessionEpoch: Number(epoch),
      topics: parseTopics(topics),
    };
  }

  /** Marks the record attached (1) or detached (0) and renews its keys. */
  setAttached(sid: string, attached: 0 | 1): void {
    const o = this.owned.get(sid);
    if (o === undefined) return;
    o.renewedAt = Date.now();
    this.redis
      .setAttached(...this.sessionKeys(o, sid), this.nodeId, o.fence, attached, this.ttlMs(), sid)
      .catch((e: unknown) => this.logger()?.warn("redis: could not record a session", { error: String(e) }));
    this.redis.pexpire(this.keys.sessionPlayer(sid), this.ttlMs()).catch(() => {});
  }

  /** The session ended here: its record, log, key index and set entry go (if the fence is still ours). */
  end(sid: string): void {
    const o = this.owned.get(sid);
    if (o === undefined) return;
    this.forget(sid);
    this.redis
      .endSession(...this.sessionKeys(o, sid), this.nodeId, o.fence, sid)
      .then((ended) => (ended === 1 ? this.redis.del(this.keys.sessionPlayer(sid)) : 0))
      .catch((e: unknown) => this.logger()?.warn("redis: could not end a session", { error: String(e) }));
  }

  /** The keys the owner's scripts take, in their order: record, key index, player set, push log. */
  private sessionKeys(o: Owned, sid: string): [string, string, string, string] {
    const k = this.keys;
    return [k.session(o.playerId, sid), k.sessionKey(o.playerId, o.key), k.player(o.playerId), k.log(o.playerId, sid)];
  }

  /** Renews the keys of attached sessions not renewed for half of `sessionTtlMs`. */
  renewAttached(sessionTtlMs: number, isAttached: (sid: string) => boolean): void {
    const due = Date.now() - sessionTtlMs / 2;
    for (const [sid, o] of this.owned) if (o.renewedAt <= due && isAttached(sid)) this.setAttached(sid, 1);
  }

  /** This node no longer owns `sid` (another node took it, or it ended). */
  forget(sid: string): boolean {
    const had = this.owned.delete(sid);
    if (this.owned.size === 0 && this.emptied !== undefined) this.emptied();
    return had;
  }

  /** Resolves when this node owns no session any more, or after `ms`. */
  async whenEmpty(ms: number): Promise<void> {
    if (this.owned.size === 0 || ms <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.emptied = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.emptied = undefined;
  }

  clear(): void {
    this.owned.clear();
  }

  private own(sid: string, o: Omit<Owned, "renewedAt">): void {
    this.owned.set(sid, { ...o, renewedAt: Date.now() });
  }

  /** The sessions this node owns, with their players. */
  sessions(): { readonly sid: string; readonly playerId: number }[] {
    return [...this.owned].map(([sid, o]) => ({ sid, playerId: o.playerId }));
  }

  /**
   * Redis came back: re-asserts every session this node owns (its record is written again if
   * Redis lost it). Sessions whose fence moved, or whose key a Login took, are no longer this
   * node's: they are forgotten here and reported.
   */
  async reassert(isAttached: (sid: string) => boolean): Promise<Reasserted> {
    const k = this.keys;
    const entries = [...this.owned];
    const results = await Promise.all(
      entries.map(([sid, o]) =>
        this.redis.reassert(
          k.session(o.playerId, sid),
          k.sessionKey(o.playerId, o.key),
          k.player(o.playerId),
          this.nodeId,
          o.fence,
          this.ttlMs(),
          sid,
          o.key,
          o.playerId,
          o.deviceId,
          o.createdAt,
          o.sessionEpoch,
          isAttached(sid) ? 1 : 0,
        ),
      ),
    );
    const moved: string[] = [];
    const replaced: string[] = [];
    entries.forEach(([sid, o], i) => {
      if (results[i] === 1) {
        this.redis.set(k.sessionPlayer(sid), o.playerId, "PX", this.ttlMs()).catch(() => {});
        return;
      }
      this.forget(sid);
      (results[i] === 0 ? moved : replaced).push(sid);
    });
    return { moved, replaced };
  }
}
