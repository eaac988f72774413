/** Random opaque ids (sessionId, connId, serverEpoch): 22 base64url characters, 132 random bits. */
import type { CryptoProvider } from "@tether/protocol";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function randomId(crypto: CryptoProvider, bytes = 22): string {
  const b = crypto.randomBytes(bytes);
  const codes = new Array<number>(b.length);
  for (let i = 0; i < b.length; i++) codes[i] = ALPHABET.charCodeAt((b[i] as number) & 63);
  // One flat string (appending a character at a time would keep a rope of 21 parts per id).
  return String.fromCharCode(...codes);
}
