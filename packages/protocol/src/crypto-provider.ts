/**
 * The primitives app-layer encryption needs (protocol.md §5), behind one interface so the
 * browser path (@noble/*, noble-crypto.ts) and the Node path (node:crypto,
 * `@tether/protocol/node`) are interchangeable and tested to produce identical bytes.
 */
import { tether } from "./gen/system.js";

export const CipherAlgorithm = tether.system.CipherAlgorithm;
export type CipherAlgorithm = tether.system.CipherAlgorithm;

/** The AEAD ciphers that seal frames. */
export type AeadAlgorithm = typeof CipherAlgorithm.CIPHER_CHACHA20_POLY1305 | typeof CipherAlgorithm.CIPHER_AES_256_GCM;

export function isAeadAlgorithm(x: number): x is AeadAlgorithm {
  return x === CipherAlgorithm.CIPHER_CHACHA20_POLY1305 || x === CipherAlgorithm.CIPHER_AES_256_GCM;
}

export const KEY_SHARE_BYTES = 32;
export const NONCE_BYTES = 32;
export const AEAD_KEY_BYTES = 32;
export const AEAD_NONCE_BYTES = 12;
export const AEAD_TAG_BYTES = 16;
export const ED25519_SEED_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;

/** One AEAD key. `open` throws (any error) when the tag does not verify. */
export interface Aead {
  /** ciphertext || 16-byte tag. */
  seal(nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array;
  open(nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array;
}

export interface CryptoProvider {
  /** Which implementation this is ("noble", "node:crypto"), for benchmarks and logs. */
  readonly implementation: string;
  randomBytes(length: number): Uint8Array;
  x25519PublicKey(secretKey: Uint8Array): Uint8Array;
  /** Throws when the peer's key is malformed or yields an all-zero secret. */
  x25519SharedSecret(secretKey: Uint8Array, peerPublicKey: Uint8Array): Uint8Array;
  sha256(data: Uint8Array): Uint8Array;
  hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  ed25519PublicKey(seed: Uint8Array): Uint8Array;
  ed25519Sign(message: Uint8Array, seed: Uint8Array): Uint8Array;
  ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
  aead(algorithm: AeadAlgorithm, key: Uint8Array): Aead;
}
