/**
 * AEAD for the raw ws baseline's sealed echo: the work Tether's sealing does per frame (one
 * AEAD open and one seal with a counter nonce, node:crypto), with a fixed benchmark key and no
 * handshake. A message is ciphertext || 16-byte tag.
 */
import { type CipherGCM, createCipheriv, createDecipheriv, type DecipherGCM } from "node:crypto";

export type BaselineCipher = "chacha20-poly1305" | "aes-256-gcm";

const KEY = Buffer.alloc(32, 1);
const TAG = 16;

export class CounterAead {
  private sent = 0n;
  private received = 0n;
  private readonly sendDirection: number;

  /** The client seals in direction 0 and opens direction 1; the server the other way round. */
  constructor(
    private readonly cipher: BaselineCipher,
    side: "client" | "server",
  ) {
    this.sendDirection = side === "client" ? 0 : 1;
  }

  seal(plain: Uint8Array): Buffer {
    // chacha20-poly1305 has the same auth-tag API as GCM.
    const c = createCipheriv(this.cipher as "aes-256-gcm", KEY, nonce(this.sent++, this.sendDirection), {
      authTagLength: TAG,
    }) as CipherGCM;
    return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  }

  open(sealed: Uint8Array): Buffer {
    const d = createDecipheriv(this.cipher as "aes-256-gcm", KEY, nonce(this.received++, 1 - this.sendDirection), {
      authTagLength: TAG,
    }) as DecipherGCM;
    d.setAuthTag(sealed.subarray(sealed.length - TAG));
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - TAG)), d.final()]);
  }
}

function nonce(counter: bigint, direction: number): Buffer {
  const n = Buffer.alloc(12);
  n[0] = direction;
  n.writeBigUInt64BE(counter, 4);
  return n;
}
