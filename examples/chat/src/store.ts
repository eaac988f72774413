/**
 * What the chat keeps besides sessions: nickname -> playerId, and each room's message ids and
 * recent history. In memory for one node (`npm start`); in Redis for cluster mode
 * (redis-store.ts), so that every node hands out the same playerIds and message ids.
 */
import { tether } from "@tether/protocol/gen/chat";

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

export class MemoryStore implements ChatStore {
  private readonly names = new Map<string, number>();
  private readonly rooms = new Map<string, { nextId: number; history: ChatMsg[] }>();

  async playerId(name: string): Promise<number> {
    let id = this.names.get(name);
    if (id === undefined) {
      id = this.names.size + 1;
      this.names.set(name, id);
    }
    return id;
  }

  async name(playerId: number): Promise<string | undefined> {
    for (const [name, id] of this.names) if (id === playerId) return name;
    return undefined;
  }

  async append(room: string, msg: NewChatMsg): Promise<ChatMsg> {
    let r = this.rooms.get(room);
    if (!r) {
      r = { nextId: 1, history: [] };
      this.rooms.set(room, r);
    }
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
