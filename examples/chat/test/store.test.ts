/**
 * The chat's memory store stays bounded however many nicknames and rooms clients try: ids come
 * from the nicknames themselves, and only the newest names and rooms are remembered.
 */
import { describe, expect, it } from "vitest";
import { MEMORY_LIMITS, MemoryStore } from "../src/store.js";

describe("the chat's memory store", () => {
  it("keeps at most its limits of names and rooms, the newest, with stable ids", async () => {
    const store = new MemoryStore();
    const first = await store.playerId("first");
    for (let i = 0; i < MEMORY_LIMITS.names + 500; i++) await store.playerId(`n${i}`);
    expect(await store.playerId("first")).toBe(first); // the same id, though it was forgotten
    expect(await store.name(first)).toBe("first"); // remembered again as the newest
    expect(await store.name(await store.playerId("n0"))).toBe("n0");
    const msg = { room: "", from: "a", kind: 0, body: "hi", ts: 1 };
    await store.append("old", { ...msg, room: "old" });
    for (let i = 0; i < MEMORY_LIMITS.rooms; i++) await store.append(`r${i}`, { ...msg, room: `r${i}` });
    expect(await store.history("old")).toEqual([]); // the oldest room went
    expect((await store.history(`r${MEMORY_LIMITS.rooms - 1}`)).map((m) => m.body)).toEqual(["hi"]);
    const sizes = store as unknown as { names: Map<unknown, unknown>; rooms: Map<unknown, unknown> };
    expect(sizes.names.size).toBeLessThanOrEqual(MEMORY_LIMITS.names);
    expect(sizes.rooms.size).toBeLessThanOrEqual(MEMORY_LIMITS.rooms);
  });
});
