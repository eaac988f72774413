/** The browser-safe CryptoProvider on @noble/curves, @noble/ciphers and @noble/hashes. */
import { gcm } from "@noble/ciphers/aes.js";
import { chacha20poly1305 } from "@noble/ciphers/chacha.js";
import { ed25519, x25519 } from "@noble/curves/ed25519.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { randomBytes } from "@noble/hashes/utils.js";
import { type Aead, type AeadAlgorithm, CipherAlgorithm, type CryptoProvider } from "./crypto-provider.js";

function nobleAead(algorithm: AeadAlgorithm, key: Uint8Array): Aead {
  const make = algorithm === CipherAlgorithm.CIPHER_CHACHA20_POLY1305 ? chacha20poly1305 : gcm;
  // noble ciphers are one-shot per (key, nonce): make one per frame.
  return {
    seal: (nonce, aad, plaintext) => make(key, nonce, aad).encrypt(plaintext),
    open: (nonce, aad, sealed) => make(key, nonce, aad).decrypt(sealed),
  };
}

export const nobleCrypto: CryptoProvider = {
  implementation: "noble",
  randomBytes: (length) => randomBytes(length),
  x25519PublicKey: (secretKey) => x25519.getPublicKey(secretKey),
  x25519SharedSecret: (secretKey, peerPublicKey) => x25519.getSharedSecret(secretKey, peerPublicKey),
  sha256: (data) => sha256(data),
  hkdfSha256: (ikm, salt, info, length) => hkdf(sha256, ikm, salt, info, length),
  ed25519PublicKey: (seed) => ed25519.getPublicKey(seed),
  ed25519Sign: (message, seed) => ed25519.sign(message, seed),
  ed25519Verify: (signature, message, publicKey) => {
    try {
      return ed25519.verify(signature, message, publicKey);
    } catch {
      return false;
    }
  },
  aead: nobleAead,
};
