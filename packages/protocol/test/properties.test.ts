import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AeadAlgorithm,
  CipherAlgorithm,
  createSealPair,
  decodeFrame,
  ErrorCode,
  encodeFrame,
  type Frame,
  FrameFlag,
  FrameType,
  type FrameTypeValue,
  isTetherError,
  MSG_ID_MAX,
  nobleCrypto,
  type SessionKeys,
  toFrame,
  withFlag,
  withoutFlag,
} from "../src/index.js";
import { nodeCrypto } from "../src/node/index.js";

const uint = fc.maxSafeNat();
const maybe = (arb: fc.Arbitrary<number>) => fc.oneof(fc.constant(0), arb);

/** Any frame the writer accepts: the rules of protocol.md §2 shape the generator. */
const validFrame: fc.Arbitrary<Frame> = fc
  .record({
    type: fc.integer({ min: 1, max: 6 }).map((t) => t as FrameTypeValue),
    flags: maybe(uint),
    msgId: fc.integer({ min: 1, max: MSG_ID_MAX }),
    seq: maybe(uint),
    pushId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    ts: maybe(uint),
    ackPushId: maybe(uint),
    rev: maybe(uint),
    payload: fc.uint8Array({ maxLength: 300 }),
    reliable: fc.boolean(),
  })
  .map(({ reliable, ...f }) => {
    let flags = f.flags;
    let pushId = f.pushId;
    const msgId = f.type <= FrameType.PUSH ? f.msgId : f.msgId % 2 === 0 ? 0 : f.msgId;
    if (f.type === FrameType.PUSH) {
      flags = reliable ? withFlag(flags, FrameFlag.ACK_REQUIRED) : withoutFlag(flags, FrameFlag.ACK_REQUIRED);
      pushId = reliable ? pushId : 0;
    }
    if (f.type !== FrameType.RESP) flags = withoutFlag(flags, FrameFlag.ERROR);
    return toFrame({ ...f, flags, pushId, msgId });
  })
  .filter((f) => {
    try {
      encodeFrame(f);
      return true;
    } catch {
      return false;
    }
  });

describe("frame codec properties", () => {
  it("decodes what it encodes: decode(encode(f)) equals f", () => {
    fc.assert(
      fc.property(validFrame, (f) => {
        expect(decodeFrame(encodeFrame(f))).toEqual(f);
      }),
      { numRuns: 2000 },
    );
  });

  it("turns arbitrary bytes into a frame or a TetherError, never anything else", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          const f = decodeFrame(bytes);
          // Whatever it accepts, the writer can write again.
          expect(decodeFrame(encodeFrame(f))).toEqual(f);
        } catch (e) {
          expect(isTetherError(e) && e.code).toBe(ErrorCode.INVALID_FRAME);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("turns arbitrary item lists into a frame or a TetherError", () => {
    const item = fc
      .tuple(fc.integer({ min: 0, max: 12 }), fc.uint8Array({ maxLength: 10 }))
      .map(([t, v]) => Uint8Array.of(t, v.length, ...v));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (items) => {
        const bytes = Uint8Array.from(items.flatMap((i) => [...i]));
        try {
          decodeFrame(bytes);
        } catch (e) {
          expect(isTetherError(e) && e.code).toBe(ErrorCode.INVALID_FRAME);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

const keyArb = fc.record({
  c2sKey: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  s2cKey: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  c2sIv: fc.uint8Array({ minLength: 12, maxLength: 12 }),
  s2cIv: fc.uint8Array({ minLength: 12, maxLength: 12 }),
});
const AEADS: [string, AeadAlgorithm][] = [
  ["ChaCha20-Poly1305", CipherAlgorithm.CIPHER_CHACHA20_POLY1305],
  ["AES-256-GCM", CipherAlgorithm.CIPHER_AES_256_GCM],
];

describe.each(AEADS)("sealing properties (%s)", (_, cipher) => {
  it("opens what it seals, in order, with either provider on either side", () => {
    fc.assert(
      fc.property(keyArb, fc.array(validFrame, { minLength: 1, maxLength: 5 }), (keys: SessionKeys, frames) => {
        const client = createSealPair(nobleCrypto, cipher, keys, "client");
        const server = createSealPair(nodeCrypto, cipher, keys, "server");
        for (const f of frames) {
          const opened = server.opener.open(client.sealer.seal(f));
          expect(opened).toEqual({ ...f, flags: withFlag(f.flags, FrameFlag.ENCRYPT) });
          const back = client.opener.open(server.sealer.seal(f));
          expect(back.payload).toEqual(f.payload);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("fails to open after any single bit flip", () => {
    fc.assert(
      fc.property(keyArb, validFrame, fc.nat(), (keys: SessionKeys, f, at) => {
        const sealed = createSealPair(nobleCrypto, cipher, keys, "client").sealer.seal(f);
        const bit = at % (sealed.length * 8);
        sealed[bit >> 3] = (sealed[bit >> 3] as number) ^ (1 << (bit & 7));
        const opener = createSealPair(nobleCrypto, cipher, keys, "server").opener;
        try {
          opener.open(sealed);
          expect.unreachable("a flipped frame opened");
        } catch (e) {
          expect(isTetherError(e) && e.code).toBe(ErrorCode.INVALID_FRAME);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
