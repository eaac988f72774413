/**
 * The CryptoProvider on node:crypto (OpenSSL). Server-side fast path; produces the same bytes
 * as the noble provider (tests cross-check every primitive).
 */

import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  diffieHellman,
  hkdfSync,
  type KeyObject,
  randomBytes,
  randomFillSync,
  sign,
  verify,
} from "node:crypto";
import { copyBytes } from "../byte-pool.js";
import { type Aead, type AeadAlgorithm, CipherAlgorithm, type CryptoProvider } from "../crypto-provider.js";

// DER prefixes that wrap a raw 32-byte key as PKCS#8 (private) or SPKI (public).
const X25519_PKCS8 = Buffer.from("302e020100300506032b656e04220420", "hex");
const X25519_SPKI = Buffer.from("302a300506032b656e032100", "hex");
const ED25519_PKCS8 = Buffer.from("302e020100300506032b657004220420", "hex");
const ED25519_SPKI = Buffer.from("302a300506032b6570032100", "hex");
const RAW_KEY_BYTES = 32;

function rawKeyError(): Error {
  return new RangeError("key must be 32 bytes");
}

function privateKey(prefix: Buffer, raw: Uint8Array): KeyObject {
  if (raw.length !== RAW_KEY_BYTES) throw rawKeyError();
  return createPrivateKey({ key: Buffer.concat([prefix, raw]), format: "der", type: "pkcs8" });
}

function publicKey(prefix: Buffer, raw: Uint8Array): KeyObject {
  if (raw.length !== RAW_KEY_BYTES) throw rawKeyError();
  return createPublicKey({ key: Buffer.concat([prefix, raw]), format: "der", type: "spki" });
}

function rawPublic(key: KeyObject): Uint8Array {
  const der = key.export({ format: "der", type: "spki" });
  return new Uint8Array(der.subarray(der.length - RAW_KEY_BYTES));
}

function u8(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

const TAG = 16;

function nodeAead(algorithm: AeadAlgorithm, key: Uint8Array): Aead {
  const name = algorithm === CipherAlgorithm.CIPHER_CHACHA20_POLY1305 ? "chacha20-poly1305" : "aes-256-gcm";
  if (key.length !== RAW_KEY_BYTES) throw rawKeyError();
  const secret = createSecretKey(key);
  return {
    seal(nonce, aad, plaintext) {
      const c = createCipheriv(name as "chacha20-poly1305", secret, nonce, { authTagLength: TAG });
      c.setAAD(aad, { plaintextLength: plaintext.length });
      const body = c.update(plaintext);
      c.final();
      return u8(Buffer.concat([body, c.getAuthTag()], body.length + TAG)); // pooled, like Buffer.allocUnsafe
    },
    open(nonce, aad, sealed) {
      if (sealed.length < TAG) throw new Error("sealed data shorter than its tag");
      const d = createDecipheriv(name as "chacha20-poly1305", secret, nonce, { authTagLength: TAG });
      d.setAAD(aad, { plaintextLength: sealed.length - TAG });
      d.setAuthTag(sealed.subarray(sealed.length - TAG));
      const body = d.update(sealed.subarray(0, sealed.length - TAG));
      d.final(); // throws when the tag does not verify
      // Into a pooled slab: a plaintext that game code keeps (a cached response, a stored
      // message) then pins a shared slab instead of an ArrayBuffer of its own per frame.
      return copyBytes(body);
    },
  };
}

/** Bytes of one draw from the system's CSPRNG, handed out to small requests in turn. */
const RANDOM_BLOCK = 4096;
/** Requests above this size draw on their own. */
const POOLED_MAX = 256;
let randomBlock = Buffer.alloc(0);
let randomPos = 0;

/**
 * Random bytes for ids, nonces and keys. Each draw from the system's CSPRNG costs a few
 * microseconds whatever its size (measured 5.9 µs for 22 bytes), and a new session takes
 * several, so small requests are cut from a 4 KiB block drawn at once, the way node:crypto's
 * randomUUID does; every byte is handed out once and wiped from the block when it is.
 */
function pooledRandomBytes(length: number): Uint8Array {
  if (length > POOLED_MAX) return u8(randomBytes(length));
  if (randomPos + length > randomBlock.length) {
    randomBlock = randomFillSync(Buffer.allocUnsafeSlow(RANDOM_BLOCK));
    randomPos = 0;
  }
  const out = new Uint8Array(length);
  out.set(randomBlock.subarray(randomPos, randomPos + length));
  randomBlock.fill(0, randomPos, randomPos + length);
  randomPos += length;
  return out;
}

export const nodeCrypto: CryptoProvider = {
  implementation: "node:crypto",
  randomBytes: pooledRandomBytes,
  x25519PublicKey: (secretKey) => rawPublic(createPublicKey(privateKey(X25519_PKCS8, secretKey))),
  x25519SharedSecret: (secretKey, peerPublicKey) =>
    u8(
      diffieHellman({
        privateKey: privateKey(X25519_PKCS8, secretKey),
        publicKey: publicKey(X25519_SPKI, peerPublicKey),
      }),
    ),
  sha256: (data) => u8(createHash("sha256").update(data).digest()),
  hkdfSha256: (ikm, salt, info, length) => new Uint8Array(hkdfSync("sha256", ikm, salt, info, length)),
  ed25519PublicKey: (seed) => rawPublic(createPublicKey(privateKey(ED25519_PKCS8, seed))),
  ed25519Sign: (message, seed) => u8(sign(null, message, privateKey(ED25519_PKCS8, seed))),
  ed25519Verify: (signature, message, pub) => {
    try {
      return verify(null, message, publicKey(ED25519_SPKI, pub), signature);
    } catch {
      return false;
    }
  },
  aead: nodeAead,
};
