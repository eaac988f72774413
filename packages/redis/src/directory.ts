/**
 * Where sessions are (cluster.md, cross-node delivery): the live node that owns a session, found
 * by its id (through the sessionId -> player index) or by its player. A session whose owner's
 * registration has expired has no owner: a dead node's sessions are nobody's until a Resume
 * takes them over.
 */
import type { Redis } from "ioredis";
import type { Keys } from "./keys.js";
import type { NodeLink } from "./node-link.js";

/** A session held by another live node. */
export interface Held {
  readonly sid: string;
  readonly owner: string;
  readonly attached: boolean;
}

export class Directory {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly link: NodeLink,
  ) {}

  /** The live node other than this one that owns `sid`, or undefined. */
  async ownerOf(sid: string): Promise<string | undefined> {
    if (typeof sid !== "string" || sid.length === 0) return undefined;
    const player = await this.redis.get(this.keys.sessionPlayer(sid));
    if (player === null) return undefined;
    const owner = await this.redis.hget(this.keys.session(Number(player), sid), "owner");
    return owner !== null && owner !== this.link.nodeId && (await this.link.isAlive(owner)) ? owner : undefined;
  }

  /** The sessions of `playerId` that other live nodes hold. */
  async heldElsewhere(playerId: number): Promise<Held[]> {
    const sids = await this.redis.smembers(this.keys.player(playerId));
    const records = await Promise.all(
      sids.map((sid) => this.redis.hmget(this.keys.session(playerId, sid), "owner", "attached")),
    );
    const held: Held[] = [];
    for (let i = 0; i < sids.length; i++) {
      const [owner, attached] = records[i] ?? [];
      if (!owner || owner === this.link.nodeId || !(await this.link.isAlive(owner))) continue;
      held.push({ sid: sids[i] as string, owner, attached: attached === "1" });
    }
    return held;
  }
}
