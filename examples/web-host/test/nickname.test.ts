/**
 * Nicknames: a bad one is refused with UNAUTHORIZED; a playerId is derived from the nickname
 * alone (the same on every node and every run, golden values below), above the ids the demos
 * keep for themselves, and 200,000 different nicknames get 200,000 different ids.
 */
import { ErrorCode } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { nicknameId, nicknameOf } from "../src/nickname.js";

describe("nicknames", () => {
  it("refuses what is not a nickname with UNAUTHORIZED", () => {
    for (const bad of ["", "has space", "x".repeat(21), "émile", "a/b", "\u0000"])
      expect(() => nicknameOf(bad)).toThrow(expect.objectContaining({ code: ErrorCode.UNAUTHORIZED }));
    expect(nicknameOf("ada_1-X")).toBe("ada_1-X");
  });

  it("derives the same safe-integer id from a nickname everywhere, above 1000", () => {
    expect(nicknameId("alice")).toBe(nicknameId("alice"));
    expect([nicknameId("alice"), nicknameId("bob")]).toEqual([GOLDEN.alice, GOLDEN.bob]);
    for (const name of ["a", "alice", "x".repeat(20)]) {
      const id = nicknameId(name);
      expect(Number.isSafeInteger(id)).toBe(true);
      expect(id).toBeGreaterThanOrEqual(1000);
    }
  });

  it("gives 200,000 different nicknames 200,000 different ids", () => {
    const ids = new Set<number>();
    for (let i = 0; i < 200_000; i++) ids.add(nicknameId(`p${i.toString(36)}`));
    expect(ids.size).toBe(200_000);
  });
});

// FNV-1a 64 of the UTF-16 code units (ASCII here), its low 48 bits, plus 1000.
const GOLDEN = { alice: 46984352251119, bob: 74874488491580 };
