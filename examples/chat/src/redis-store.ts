/**
 * The chat's store in Redis, for cluster mode: every node started with the same Redis and
 * namespace hands out the same playerIds and one sequence of message ids per room.
 *
 * Keys, under the cluster's namespace `ns`: `ns:chat:players` (hash: nickname -> playerId, and
 * `#next`, which no nickname can be), `ns:chat:names` (hash: playerId -> nickname), `ns:chat:room:<room>:seq` (the room's last message id) and
 * `ns:chat:room:<room>:history` (sorted set: the encoded messages, scored by id). They do not
 * expire: a demo namespace keeps its rooms from one run to the next.
 */
import { tether } from "@tether/protocol/gen/chat";
import { Redis } from "ioredis";
import { type ChatStore, HISTORY, type NewChatMsg } from "./store.js";

type ChatMsg = tether.chat.ChatMsg;

/** Get or create, in one step: two nodes seeing a new nickname at once agree on its id. */
const PLAYER_ID = `
local id = redis.call('HGET', KEYS[1], ARGV[1])
if id then return tonumber(id) end
id = redis.call('HINCRBY', KEYS[1], '#next', 1)
redis.call('HSET', KEYS[1], ARGV[1], id)
redis.call('HSET', KEYS[2], id, ARGV[1])
return id`;

export class RedisStore implements ChatStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly namespace: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 2000 });
    this.redis.on("error", () => {}); // reported by the calls that fail
  }

  private room(room: string, part: "seq" | "history"): string {
    return `${this.namespace}:chat:room:${room}:${part}`;
  }

  async playerId(name: string): Promise<number> {
    const keys = [`${this.namespace}:chat:players`, `${this.namespace}:chat:names`];
    return Number(await this.redis.eval(PLAYER_ID, 2, ...keys, name));
  }

  async name(playerId: number): Promise<string | undefined> {
    return (await this.redis.hget(`${this.namespace}:chat:names`, String(playerId))) ?? undefined;
  }

  async append(room: string, msg: NewChatMsg): Promise<ChatMsg> {
    const id = await this.redis.incr(this.room(room, "seq"));
    const full = tether.chat.ChatMsg.create({ ...msg, id });
    const member = Buffer.from(tether.chat.ChatMsg.encode(full).finish()).toString("base64");
    const key = this.room(room, "history");
    // Scored by id: two nodes appending at once still keep the history in id order.
    const results = await this.redis
      .multi()
      .zadd(key, id, member)
      .zremrangebyrank(key, 0, -(HISTORY + 1))
      .exec();
    for (const [error] of results ?? []) if (error) throw error;
    return full;
  }

  async history(room: string): Promise<ChatMsg[]> {
    const members = await this.redis.zrange(this.room(room, "history"), 0, -1);
    return members.map((m) => tether.chat.ChatMsg.decode(Buffer.from(m, "base64")));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
