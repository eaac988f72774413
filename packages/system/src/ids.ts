/** Random opaque ids (sessionId, connId, serverEpoch): 22 base64url characters, 132 random bits. */
import type { CryptoProvider } from "@tether/protocol";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function randomId(crypto: CryptoProvider, bytes = 22): string {
  const b = crypto.randomBytes(bytes);
  let s = "";
  for (let i = 0; i < b.length; i++) s += ALPHABET[(b[i] as number) & 63];
  return s;
}
