/** Hostile ClientHellos for the fuzz suite, with the key shares that let a selected AEAD be spoken. */
import { ClientHelloReq, type KeyShare, nobleCrypto } from "@tether/protocol";
import { varint } from "./loose-frames.js";
import type { Rng } from "./rng.js";

/** An X25519 key share and nonce drawn from `rng` (so a hello replays from its seed). */
export function keyShareFrom(rng: Rng): KeyShare {
  const secretKey = rng.bytes(32);
  return { secretKey, publicKey: nobleCrypto.x25519PublicKey(secretKey), nonce: rng.bytes(32) };
}

export const TINY_FRAME_LIMITS = [1, 2, 3, 16, 32, 48, 64, 100, 200, 1023];
const FRAME_LIMITS = [0, 0, 1024, 1025, 4096, 65_535, 65_536, 65_537, 1 << 20, 2 ** 31 - 1, 2 ** 32 - 1];

export interface HelloPlan {
  /** The REQ payload exactly as sent. */
  readonly bytes: Uint8Array;
  readonly desc: string;
  /** Set when the hello carries a real key share: a selected AEAD can then be spoken. */
  readonly share?: KeyShare;
}

/**
 * A ClientHello payload: random limits (tiny ones included unless `avoidTiny`), compression and
 * cipher lists with unknown values and repeats, garbage key shares and nonces, odd versions, ext
 * entries; sometimes random bytes or a valid hello with a trailing garbage field.
 */
export function hostileHello(rng: Rng, opts: { avoidTiny: boolean; tame?: boolean }): HelloPlan {
  if (!opts.tame && rng.chance(0.08)) {
    const bytes = rng.bytes(rng.size(300));
    return { bytes, desc: "random bytes" };
  }
  const limits = opts.avoidTiny ? FRAME_LIMITS : [...FRAME_LIMITS, ...TINY_FRAME_LIMITS, ...TINY_FRAME_LIMITS];
  const maxFrameBytes = opts.tame
    ? rng.pick([0, 0, 4096, 65_536, 1 << 20])
    : rng.chance(0.1)
      ? rng.u32()
      : rng.pick(limits);
  const listOf = (values: number[]) => Array.from({ length: rng.size(6) }, () => rng.pick(values));
  const compressions = opts.tame ? rng.pick([[], [3], [1, 2, 3]]) : listOf([0, 1, 2, 3, 3, 3, 7, 99, -1]);
  const ciphers = opts.tame ? rng.pick([[], [2], [3], [3, 2], [1, 2]]) : listOf([0, 1, 2, 2, 3, 3, 4, 99, -1]);
  const share = keyShareFrom(rng);
  const shareKind = opts.tame
    ? "real"
    : rng.pick(["real", "real", "none", "zero", "random32", "short", "long", "low-order"]);
  const keyShare: Uint8Array | undefined = {
    real: share.publicKey,
    none: undefined,
    zero: new Uint8Array(32),
    random32: rng.bytes(32),
    short: rng.bytes(rng.int(0, 31)),
    long: rng.bytes(rng.int(33, 80)),
    // A point of small order (u = 1): the shared secret is all zero.
    "low-order": Uint8Array.from([1, ...new Array<number>(31).fill(0)]),
  }[shareKind];
  const nonceKind = opts.tame ? "real" : rng.pick(["real", "real", "none", "short", "long"]);
  const nonce: Uint8Array | undefined = {
    real: share.nonce,
    none: undefined,
    short: rng.bytes(rng.int(0, 31)),
    long: rng.bytes(rng.int(33, 64)),
  }[nonceKind];
  const ext: Record<string, string> = {};
  if (!opts.tame) for (let n = rng.size(3); n > 0; n--) ext[rng.text(40)] = rng.text(2000);
  const fields = {
    protocolVersion: opts.tame ? 1 : rng.pick([0, 1, 1, 1, 1, 2, 255, 2 ** 32 - 1]),
    clientVersion: rng.text(64),
    maxFrameBytes,
    supportedCompressions: compressions,
    supportedCiphers: ciphers,
    requireEncrypt: !opts.tame && rng.chance(0.1),
    requireAckPush: rng.chance(0.5),
    ...(keyShare === undefined ? {} : { clientKeyShare: keyShare }),
    ...(nonce === undefined ? {} : { clientNonce: nonce }),
    ext,
  };
  let bytes = ClientHelloReq.encode(fields).finish();
  let extra = "";
  if (!opts.tame && rng.chance(0.06)) {
    // max_frame_bytes again, last one wins: a 64-bit value the uint32 field truncates (2^32 + 1
    // reads as 1, a tiny limit).
    const wide = rng.pick(opts.avoidTiny ? [2n ** 64n - 1n, 2n ** 35n] : [2n ** 32n + 1n, 2n ** 64n - 1n, 2n ** 35n]);
    bytes = Uint8Array.from([...bytes, 0x18, ...varint(wide)]);
    extra = ` +64-bit max_frame_bytes ${wide}`;
  } else if (!opts.tame && rng.chance(0.05)) {
    bytes = Uint8Array.from([...bytes, ...rng.bytes(rng.int(1, 12))]);
    extra = " +garbage";
  }
  const desc =
    `hello v${fields.protocolVersion} max_frame_bytes=${maxFrameBytes} comp=[${compressions}] ciphers=[${ciphers}] ` +
    `share=${shareKind} nonce=${nonceKind} requireEncrypt=${fields.requireEncrypt} ext=${Object.keys(ext).length}${extra}`;
  return shareKind === "real" && nonceKind === "real" ? { bytes, desc, share } : { bytes, desc };
}
