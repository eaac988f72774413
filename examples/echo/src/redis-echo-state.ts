/**
 * The conformance server's game state in Redis, for cluster mode: every node started with the
 * same --redis and --namespace reads and writes the same counters and notify records.
 */
import { Redis } from "ioredis";
import { counterSnapshot, type EchoState } from "./echo-state.js";

export class RedisEchoState implements EchoState {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly namespace: string,
    /** Notify records of a session live this long after their last write (its session TTL). */
    private readonly ttlMs: number,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 2000 });
    this.redis.on("error", () => {}); // reported by the calls that fail
  }

  private get revisions(): string {
    return `${this.namespace}:echo:revisions`;
  }

  private notesKey(sessionId: string): string {
    return `${this.namespace}:echo:notes:${sessionId}`;
  }

  bump(playerId: number): Promise<number> {
    return this.redis.hincrby(this.revisions, String(playerId), 1);
  }

  async snapshot(playerId: number) {
    return counterSnapshot(Number((await this.redis.hget(this.revisions, String(playerId))) ?? 0));
  }

  async note(sessionId: string, text: string): Promise<void> {
    await this.redis.multi().rpush(this.notesKey(sessionId), text).pexpire(this.notesKey(sessionId), this.ttlMs).exec();
  }

  notes(sessionId: string): Promise<string[]> {
    return this.redis.lrange(this.notesKey(sessionId), 0, -1);
  }

  forget(sessionId: string): void {
    this.redis.del(this.notesKey(sessionId)).catch(() => {});
  }

  close(): void {
    this.redis.disconnect();
  }
}
