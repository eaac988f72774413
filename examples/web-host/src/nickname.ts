/**
 * Nicknames as the demos' tokens (a demo, not an identity system): 1-20 letters, digits, _ or
 * -, checked with a coded error, and a playerId derived from the nickname itself, so that no
 * table grows with every nickname a client tries (and every node derives the same id).
 */
import { ErrorCode, TetherError } from "@tether/protocol";

const NICKNAME = /^[A-Za-z0-9_-]{1,20}$/;
/** Ids below this are free for the demos' own players (the arena's bots). */
const FIRST_ID = 1_000;

/** The nickname a token carries; UNAUTHORIZED when it is not one. */
export function nicknameOf(token: string): string {
  if (!NICKNAME.test(token))
    throw new TetherError(ErrorCode.UNAUTHORIZED, "nicknames are 1-20 letters, digits, _ or -");
  return token;
}

/**
 * A 48-bit FNV-1a hash of the nickname, above FIRST_ID: a safe integer, the same everywhere.
 * Two nicknames share an id with a chance of about n^2 / 2^49 among n nicknames (1 in 560 for
 * a million).
 */
export function nicknameId(name: string): number {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < name.length; i++) {
    h ^= BigInt(name.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return FIRST_ID + Number(h & 0xffffffffffffn);
}
