import { loadVectors } from "@tether/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AeadAlgorithm, fromHex, nobleCrypto, toHex } from "../src/index.js";
import { nodeCrypto } from "../src/node/index.js";
import { AEADS, CRYPTO_PROVIDERS } from "./support/fixtures.js";

interface Primitives {
  x25519: { name: string; secretKey: string; publicKey: string; peerPublicKey: string; shared: string }[];
  x25519LowOrder: { name: string; peerPublicKey: string }[];
  hkdfSha256: { name: string; ikm: string; salt: string; info: string; length: number; okm: string }[];
  sha256: { name: string; data: string; digest: string }[];
  ed25519: { name: string; seed: string; publicKey: string; message: string; signature: string }[];
  aead: {
    name: string;
    cipher: AeadAlgorithm;
    key: string;
    nonce: string;
    aad: string;
    plaintext: string;
    sealed: string;
  }[];
}

const v = loadVectors<Primitives>("crypto-primitives.json");
const providers = CRYPTO_PROVIDERS;

describe.each(providers)("the %s crypto provider", (_, crypto) => {
  it.each(v.x25519)("computes X25519 known answers ($name)", (t) => {
    expect(toHex(crypto.x25519PublicKey(fromHex(t.secretKey)))).toBe(t.publicKey);
    expect(toHex(crypto.x25519SharedSecret(fromHex(t.secretKey), fromHex(t.peerPublicKey)))).toBe(t.shared);
  });

  it.each(v.x25519LowOrder)("refuses a low-order X25519 key share ($name)", (t) => {
    expect(() => crypto.x25519SharedSecret(crypto.randomBytes(32), fromHex(t.peerPublicKey))).toThrow();
  });

  it.each(v.sha256)("computes SHA-256 known answers ($name)", (t) => {
    expect(toHex(crypto.sha256(fromHex(t.data)))).toBe(t.digest);
  });

  it.each(v.hkdfSha256)("computes HKDF-SHA256 known answers ($name)", (t) => {
    expect(toHex(crypto.hkdfSha256(fromHex(t.ikm), fromHex(t.salt), fromHex(t.info), t.length))).toBe(t.okm);
  });

  it.each(v.ed25519)("signs and verifies Ed25519 known answers ($name)", (t) => {
    const seed = fromHex(t.seed);
    expect(toHex(crypto.ed25519PublicKey(seed))).toBe(t.publicKey);
    expect(toHex(crypto.ed25519Sign(fromHex(t.message), seed))).toBe(t.signature);
    expect(crypto.ed25519Verify(fromHex(t.signature), fromHex(t.message), fromHex(t.publicKey))).toBe(true);
    const bad = fromHex(t.signature);
    bad[0] = (bad[0] as number) ^ 1;
    expect(crypto.ed25519Verify(bad, fromHex(t.message), fromHex(t.publicKey))).toBe(false);
  });

  it("hands out random bytes of any length, never the same bytes twice, in arrays of their own", () => {
    const seen = new Set<string>();
    for (const length of [0, 1, 16, 22, 32, 255, 256, 257, 5000]) {
      for (let i = 0; i < 300; i++) {
        const b = crypto.randomBytes(length);
        expect(b).toBeInstanceOf(Uint8Array);
        expect(b.length).toBe(length);
        expect(b.byteOffset).toBe(0);
        expect(b.buffer.byteLength).toBe(length);
        if (length >= 16) {
          expect(seen.has(toHex(b))).toBe(false);
          seen.add(toHex(b));
        }
      }
    }
    // 300 draws of 32 bytes: every byte value shows up (a stuck or zeroed source would not).
    const counts = new Uint32Array(256);
    for (let i = 0; i < 300; i++) for (const x of crypto.randomBytes(32)) counts[x] = (counts[x] ?? 0) + 1;
    expect(counts.every((c) => c > 0)).toBe(true);
  });

  it("answers false, not an exception, for a malformed Ed25519 public key or signature", () => {
    expect(crypto.ed25519Verify(new Uint8Array(64), new Uint8Array(0), new Uint8Array(5))).toBe(false);
    expect(crypto.ed25519Verify(new Uint8Array(3), new Uint8Array(0), new Uint8Array(32))).toBe(false);
  });

  it.each(v.aead)("seals and opens AEAD known answers ($name)", (t) => {
    const aead = crypto.aead(t.cipher, fromHex(t.key));
    expect(toHex(aead.seal(fromHex(t.nonce), fromHex(t.aad), fromHex(t.plaintext)))).toBe(t.sealed);
    expect(toHex(aead.open(fromHex(t.nonce), fromHex(t.aad), fromHex(t.sealed)))).toBe(t.plaintext);
  });

  it.each(AEADS)("refuses to open %s data whose tag, data or aad changed", (_, cipher) => {
    const aead = crypto.aead(cipher, new Uint8Array(32).fill(7));
    const nonce = new Uint8Array(12);
    const sealed = aead.seal(nonce, Uint8Array.of(1, 2), Uint8Array.of(9, 9, 9));
    const flipped = sealed.slice();
    flipped[0] = (flipped[0] as number) ^ 0x80;
    expect(() => aead.open(nonce, Uint8Array.of(1, 2), flipped)).toThrow();
    expect(() => aead.open(nonce, Uint8Array.of(1, 3), sealed)).toThrow();
    expect(() => aead.open(nonce, Uint8Array.of(1, 2), sealed.subarray(0, 10))).toThrow();
  });
});

describe("node:crypto and noble", () => {
  it.each(AEADS)("produce identical %s bytes for arbitrary keys, nonces, aad and plaintexts", (_, cipher) => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.uint8Array({ maxLength: 64 }),
        fc.uint8Array({ maxLength: 2048 }),
        (key, nonce, aad, plaintext) => {
          const a = nobleCrypto.aead(cipher, key).seal(nonce, aad, plaintext);
          const b = nodeCrypto.aead(cipher, key).seal(nonce, aad, plaintext);
          expect(toHex(a)).toBe(toHex(b));
          expect(toHex(nobleCrypto.aead(cipher, key).open(nonce, aad, b))).toBe(toHex(plaintext));
          expect(toHex(nodeCrypto.aead(cipher, key).open(nonce, aad, a))).toBe(toHex(plaintext));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("agree on X25519, HKDF and Ed25519 for arbitrary inputs", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 200 }),
        (a, b, msg) => {
          const pubB = nobleCrypto.x25519PublicKey(b);
          expect(toHex(nodeCrypto.x25519PublicKey(b))).toBe(toHex(pubB));
          expect(toHex(nodeCrypto.x25519SharedSecret(a, pubB))).toBe(toHex(nobleCrypto.x25519SharedSecret(a, pubB)));
          expect(toHex(nodeCrypto.hkdfSha256(a, b, msg, 88))).toBe(toHex(nobleCrypto.hkdfSha256(a, b, msg, 88)));
          expect(toHex(nodeCrypto.ed25519Sign(msg, a))).toBe(toHex(nobleCrypto.ed25519Sign(msg, a)));
        },
      ),
      { numRuns: 50 },
    );
  });
});
