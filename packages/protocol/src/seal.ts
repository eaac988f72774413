/**
 * Sealing frames (protocol.md §5). After the ClientHello exchange every frame in both
 * directions is sealed: it sets ENCRYPT and its payload item carries
 * AEAD(key, nonce, aad, plaintextPayload) = ciphertext || 16-byte tag, where
 *   nonce = direction IV XOR (4 zero bytes || u64be(counter)), the counter +1 per frame, and
 *   aad   = every item of the frame except the payload item, as the bytes are on the wire.
 * A frame that fails to open (tampered, wrong key, replayed, reordered) is INVALID_FRAME
 * `seal-open-failed`; the connection must then close with 4502.
 */
import { allocBytes } from "./byte-pool.js";
import {
  AEAD_NONCE_BYTES,
  AEAD_TAG_BYTES,
  type Aead,
  type AeadAlgorithm,
  type CryptoProvider,
} from "./crypto-provider.js";
import { FrameRule, invalidFrame } from "./errors.js";
import { encodeFrameHeaderWithFlags, type Frame, type FrameInit } from "./frame.js";
import { decodeFrameLayout } from "./frame-reader.js";
import { FrameFlag, isFrameType, Tag, withFlag } from "./frame-types.js";
import type { SessionKeys } from "./key-schedule.js";
import { varintSize, writeVarint } from "./varint.js";

const EMPTY: Uint8Array = new Uint8Array(0);

/**
 * The 12-byte nonce of frame number `counter` in a direction with initial vector `iv`, written
 * into `out` (a sealer reuses one: AEADs read the nonce only during the call).
 */
export function frameNonce(
  iv: Uint8Array,
  counter: number,
  out: Uint8Array = new Uint8Array(AEAD_NONCE_BYTES),
): Uint8Array {
  // u64be(counter) occupies bytes 4..11; counters stay below 2^53.
  const hi = Math.floor(counter / 0x100000000);
  const lo = counter >>> 0;
  for (let i = 0; i < 4; i++) out[i] = iv[i] as number;
  for (let i = 0; i < 4; i++) {
    const shift = 24 - 8 * i;
    out[4 + i] = (iv[4 + i] as number) ^ ((hi >>> shift) & 0xff);
    out[8 + i] = (iv[8 + i] as number) ^ ((lo >>> shift) & 0xff);
  }
  return out;
}

/** Seals outgoing frames of one direction. */
export class FrameSealer {
  private counter = 0;
  private readonly nonce = new Uint8Array(AEAD_NONCE_BYTES);

  constructor(
    private readonly aead: Aead,
    private readonly iv: Uint8Array,
  ) {}

  /** Frames sealed so far (the next frame's counter). */
  get sealedCount(): number {
    return this.counter;
  }

  /** Encodes `init` sealed: ENCRYPT set, the payload (maybe empty) encrypted, payload item last. */
  seal(init: FrameInit): Uint8Array {
    const header = encodeFrameHeaderWithFlags(init, withFlag(init.flags ?? 0, FrameFlag.ENCRYPT));
    const sealed = this.aead.seal(frameNonce(this.iv, this.counter, this.nonce), header, init.payload ?? EMPTY);
    this.counter++;
    const out = allocBytes(header.length + 1 + varintSize(sealed.length) + sealed.length);
    out.set(header, 0);
    let pos = header.length;
    out[pos++] = Tag.PAYLOAD;
    pos = writeVarint(out, pos, sealed.length);
    out.set(sealed, pos);
    return out;
  }
}

/** Opens incoming frames of one direction. */
export class FrameOpener {
  private counter = 0;
  private readonly nonce = new Uint8Array(AEAD_NONCE_BYTES);

  constructor(
    private readonly aead: Aead,
    private readonly iv: Uint8Array,
  ) {}

  /**
   * Decodes and opens one sealed frame. The result keeps the wire flags (ENCRYPT included) and
   * carries the plaintext payload. An unsealed frame is INVALID_FRAME `not-sealed`. A frame of
   * an unknown type is opened (so the counter stays in step) and then refused with
   * `type-unknown`, which a client may skip.
   */
  open(bytes: Uint8Array): Frame {
    const { frame, payloadItemStart, payloadItemEnd } = decodeFrameLayout(bytes, { allowUnknownType: true });
    if ((frame.flags & FrameFlag.ENCRYPT) === 0) {
      throw invalidFrame(FrameRule.NOT_SEALED, "an unsealed frame arrived on a sealed connection");
    }
    if (frame.payload.length < AEAD_TAG_BYTES) {
      throw invalidFrame(FrameRule.SEAL_OPEN_FAILED, "sealed payload is shorter than its tag");
    }
    const aad =
      payloadItemEnd === bytes.length
        ? bytes.subarray(0, payloadItemStart)
        : concatAad(bytes, payloadItemStart, payloadItemEnd);
    let plaintext: Uint8Array;
    try {
      plaintext = this.aead.open(frameNonce(this.iv, this.counter, this.nonce), aad, frame.payload);
    } catch (e) {
      throw invalidFrame(FrameRule.SEAL_OPEN_FAILED, "frame failed to open", e);
    }
    this.counter++;
    if (!isFrameType(frame.type)) throw invalidFrame(FrameRule.TYPE_UNKNOWN, `unknown frame type ${frame.type}`);
    return {
      type: frame.type,
      flags: frame.flags,
      msgId: frame.msgId,
      seq: frame.seq,
      pushId: frame.pushId,
      ts: frame.ts,
      ackPushId: frame.ackPushId,
      rev: frame.rev,
      ackSeq: frame.ackSeq,
      payload: plaintext,
    };
  }
}

function concatAad(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const aad = allocBytes(bytes.length - (end - start));
  aad.set(bytes.subarray(0, start), 0);
  aad.set(bytes.subarray(end), start);
  return aad;
}

/** The sealer and opener of one side of a connection. */
export interface SealPair {
  readonly sealer: FrameSealer;
  readonly opener: FrameOpener;
}

/** The client seals with the c2s keys and opens with s2c; the server the other way round. */
export function createSealPair(
  crypto: CryptoProvider,
  cipher: AeadAlgorithm,
  keys: SessionKeys,
  side: "client" | "server",
): SealPair {
  const c2s = crypto.aead(cipher, keys.c2sKey);
  const s2c = crypto.aead(cipher, keys.s2cKey);
  return side === "client"
    ? { sealer: new FrameSealer(c2s, keys.c2sIv), opener: new FrameOpener(s2c, keys.s2cIv) }
    : { sealer: new FrameSealer(s2c, keys.s2cIv), opener: new FrameOpener(c2s, keys.c2sIv) };
}
