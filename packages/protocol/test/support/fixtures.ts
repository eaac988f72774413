/** Tables and helpers shared by the protocol tests (every path and cipher is a parameter). */
import {
  type AeadAlgorithm,
  CipherAlgorithm,
  type CryptoProvider,
  fflateGzip,
  isTetherError,
  nobleCrypto,
  type PayloadCompressor,
} from "../../src/index.js";
import { nodeCrypto, nodeGzip } from "../../src/node/index.js";

export const CRYPTO_PROVIDERS: [string, CryptoProvider][] = [
  ["noble", nobleCrypto],
  ["node:crypto", nodeCrypto],
];

export const AEADS: [string, AeadAlgorithm][] = [
  ["ChaCha20-Poly1305", CipherAlgorithm.CIPHER_CHACHA20_POLY1305],
  ["AES-256-GCM", CipherAlgorithm.CIPHER_AES_256_GCM],
];

export const GZIP_PATHS: [string, PayloadCompressor][] = [
  ["fflate", fflateGzip],
  ["node:zlib", nodeGzip],
];

/**
 * Runs `fn` and names how it failed: the `detail.rule` of a TetherError (or `code N` when it has
 * none), undefined when it did not throw. Anything but a TetherError is rethrown.
 */
export function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isTetherError(e)) return e.detail.rule ?? `code ${e.code}`;
    throw e;
  }
  return undefined;
}
