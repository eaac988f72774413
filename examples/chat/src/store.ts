/**
 * What the chat keeps besides sessions: nickname -> playerId, and each room's message ids and
 * recent history. In memory for one node (`npm start`); in Redis for cluster mode
 * (redis-store.ts), so that every node hands out the same playerIds and message ids.
 */
import { tether } from "@tether/protocol/gen/chat";
import { nicknameId } from "@tether/web-host";

type ChatMsg = tether.chat.ChatMsg;
/** A message before the room gave it its id. */
export type NewChatMsg = Omit<tether.chat.ChatMsg.$Properties, "id">;

/** How many messages of a room the history keeps. */
export const HISTORY = 100;

export interface ChatStore {
  /** The playerId of a nickname: the same on every node, for as long as the store lives. */
  playerId(name: string): Promise<number>;
  /** The nickname of a playerId (undefined for one never handed out). */
  name(playerId: number): Promise<string | undefined>;
  /** Gives the message the room's next id and appends it to the room's history. */
  append(room: string, msg: NewChatMsg): Promise<ChatMsg>;
  /** The room's recent history, oldest first. */
  history(room: string): Promise<ChatMsg[]>;
  close(): Promise<void>;
}

/** What the memory store keeps at most: nicknames it can name back, and rooms. */
export const MEMORY_LIMITS = { names: 10_000, rooms: 1_000 };

/**
 * The store of one node. PlayerIds come from the nickname itself (nicknameId), so nothing grows
 * with every nickname tried; it remembers the last MEMORY_LIMITS.names nicknames (to name a
 * playerId back) and the last MEMORY_LIMITS.rooms rooms written to (the oldest is forgotten).
 */
export class MemoryStore implements ChatStore {
  private readonly names = new Map<number, string>();
  private readonly rooms = new Map<string, { nextId: number; history: ChatMsg[] }>();

  async playerId(name: string): Promise<number> {
    const id = nicknameId(name);
    remember(this.names, id, name, MEMORY_LIMITS.names);
    return id;
  }

  async name(playerId: number): Promise<string | undefined> {
    return this.names.get(playerId);
  }

  async append(room: string, msg: NewChatMsg): Promise<ChatMsg> {
    const r = this.rooms.get(room) ?? { nextId: 1, history: [] };
    remember(this.rooms, room, r, MEMORY_LIMITS.rooms);
    const full = tether.chat.ChatMsg.create({ ...msg, id: r.nextId++ });
    r.history.push(full);
    if (r.history.length > HISTORY) r.history.shift();
    return full;
  }

  async history(room: string): Promise<ChatMsg[]> {
    return [...(this.rooms.get(room)?.history ?? [])];
  }

  async close(): Promise<void> {}
}

/** Sets `key` as the newest entry of `map`, forgetting the oldest beyond `limit`. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as K);
}
