/**
 * Helpers of the fuzz suite (fuzz.test.ts): a seeded PRNG, the echo server as a child process
 * (with its output kept for failure reports), raw WebSocket connections that check every
 * message the server sends them, tolerant frame writers and mutators of the golden vectors, and
 * the generators of hostile ClientHellos and request payloads.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AeadAlgorithm,
  ClientHelloReq,
  ClientHelloResp,
  ConnectionCodec,
  clientKeyExchange,
  createSealPair,
  DisconnectPush,
  decodeFrame,
  ErrorMessage,
  encodeFrame,
  type Frame,
  FrameFlag,
  type FrameInit,
  FrameType,
  fflateGzip,
  hasFlag,
  isAeadAlgorithm,
  isTetherError,
  type KeyShare,
  LoginReq,
  LogoutReq,
  nobleCrypto,
  ResumeReq,
  SyncReq,
  toHex,
} from "@tether/protocol";
import { tether } from "@tether/protocol/gen/echo";
import { type InvalidFrameVector, loadVectors, type ValidFrameVector } from "@tether/testkit";
import { WebSocket } from "ws";

export const echo = tether.echo;

// ---- seeded randomness -----------------------------------------------------------------

/** Mixes numbers into one 32-bit seed (murmur3's finaliser over each). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    let k = Math.imul((p >>> 0) ^ Math.floor(p / 2 ** 32), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: small, fast, and replayable from its seed. */
export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  float(): number {
    return this.u32() / 2 ** 32;
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error("pick from an empty list");
    return xs[this.int(0, xs.length - 1)] as T;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }

  /** A length skewed to small values: mostly under 16, sometimes under 256, rarely up to `max`. */
  size(max: number): number {
    const r = this.float();
    if (r < 0.6) return this.int(0, Math.min(16, max));
    if (r < 0.92) return this.int(0, Math.min(256, max));
    return this.int(0, max);
  }

  /** A child generator, replayable from this one's seed and the labels. */
  fork(...labels: number[]): Rng {
    return new Rng(mixSeed(this.seed, ...labels));
  }

  text(maxLen: number): string {
    const n = this.size(maxLen);
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789:_-/ é€\u{1F600}";
    const chars = Array.from(alphabet);
    let s = "";
    for (let i = 0; i < n; i++) s += this.pick(chars);
    return s;
  }
}

// ---- bytes -------------------------------------------------------------------------------

/** Hex of the first `max` bytes (the rest counted), for logs and reproductions. */
export function hexOf(b: Uint8Array, max = 160): string {
  if (b.length <= max) return toHex(b);
  return `${toHex(b.subarray(0, max))}...(+${b.length - max} bytes)`;
}

/** A varint of any non-negative value (bigint for those above 2^53), minimal unless padded. */
export function varint(value: number | bigint, padTo = 0): number[] {
  let v = BigInt(value);
  const out: number[] = [];
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? byte | 0x80 : byte);
  } while (v > 0n);
  while (out.length < padTo) {
    out[out.length - 1] = (out[out.length - 1] ?? 0) | 0x80;
    out.push(0);
  }
  return out;
}

export interface Item {
  tag: number;
  value: Uint8Array;
  /** Write this length instead of value.length (a lie). */
  len?: number;
  /** Write the length as a varint of at least this many bytes (not minimal). */
  lenPad?: number;
}

/** The value of a whole-buffer varint, or undefined when `b` is not exactly one varint. */
export function varintValue(b: Uint8Array): number | undefined {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < b.length && i < 8; i++) {
    const byte = b[i] as number;
    v += (byte & 0x7f) * mul;
    if ((byte & 0x80) === 0) return i === b.length - 1 ? v : undefined;
    mul *= 128;
  }
  return undefined;
}

/** Writes items as T L V with no checks at all (so any rule of protocol.md §2 can be broken). */
export function writeItems(items: readonly Item[]): Uint8Array {
  const parts: number[] = [];
  for (const it of items) {
    parts.push(...varint(it.tag), ...varint(it.len ?? it.value.length, it.lenPad ?? 0));
    for (const b of it.value) parts.push(b);
  }
  return Uint8Array.from(parts);
}

/** Reads items leniently: stops at the first that does not parse and reports the rest as a tail. */
export function readItems(b: Uint8Array): { items: Item[]; tail: Uint8Array } {
  const items: Item[] = [];
  let pos = 0;
  const readV = (): number | undefined => {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 8 && pos < b.length; i++) {
      const byte = b[pos++] as number;
      v += (byte & 0x7f) * mul;
      if ((byte & 0x80) === 0) return v;
      mul *= 128;
    }
    return undefined;
  };
  while (pos < b.length) {
    const start = pos;
    const tag = readV();
    const len = readV();
    if (tag === undefined || len === undefined || pos + len > b.length) {
      return { items, tail: b.subarray(start) };
    }
    items.push({ tag, value: b.subarray(pos, pos + len) });
    pos += len;
  }
  return { items, tail: new Uint8Array(0) };
}

export const num = (n: number | bigint): Uint8Array => Uint8Array.from(varint(n));

/** A REQ-like frame written in the writer's order, without validation (msgId 0 and all). */
export function looseFrame(f: {
  type?: number;
  flags?: number;
  msgId?: number;
  seq?: number;
  pushId?: number;
  ackPushId?: number;
  ackSeq?: number;
  payload?: Uint8Array;
}): Uint8Array {
  const items: Item[] = [{ tag: 1, value: num(f.type ?? FrameType.REQ) }];
  if (f.flags) items.push({ tag: 5, value: num(f.flags) });
  if (f.msgId) items.push({ tag: 2, value: num(f.msgId) });
  if (f.seq) items.push({ tag: 3, value: num(f.seq) });
  if (f.pushId) items.push({ tag: 4, value: num(f.pushId) });
  if (f.ackPushId) items.push({ tag: 8, value: num(f.ackPushId) });
  if (f.ackSeq) items.push({ tag: 10, value: num(f.ackSeq) });
  if (f.payload && f.payload.length > 0) items.push({ tag: 6, value: f.payload });
  return writeItems(items);
}

// ---- the golden vectors and their mutations ----------------------------------------------

export const VALID_VECTORS = loadVectors<ValidFrameVector[]>("frames-valid.json").map((v) => fromHexLoose(v.hex));
export const INVALID_VECTORS = loadVectors<InvalidFrameVector[]>("frames-invalid.json").map((v) => fromHexLoose(v.hex));

function fromHexLoose(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

type Mutator = (rng: Rng, b: Uint8Array) => Uint8Array;

const MUTATORS: [string, Mutator][] = [
  [
    "bit-flips",
    (rng, b) => {
      const out = Uint8Array.from(b);
      if (out.length === 0) return out;
      for (let n = rng.int(1, 4); n > 0; n--) {
        const i = rng.int(0, out.length - 1);
        out[i] = (out[i] as number) ^ (1 << rng.int(0, 7));
      }
      return out;
    },
  ],
  ["truncate", (rng, b) => b.slice(0, rng.int(0, Math.max(0, b.length - 1)))],
  ["append", (rng, b) => Uint8Array.from([...b, ...rng.bytes(rng.size(64))])],
  [
    "duplicate-item",
    (rng, b) => {
      const { items, tail } = readItems(b);
      if (items.length === 0) return b;
      const i = rng.int(0, items.length - 1);
      items.splice(rng.int(0, items.length), 0, items[i] as Item);
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "drop-item",
    (rng, b) => {
      const { items, tail } = readItems(b);
      if (items.length === 0) return b;
      items.splice(rng.int(0, items.length - 1), 1);
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "length-lie",
    (rng, b) => {
      const { items, tail } = readItems(b);
      const it = items.length === 0 ? undefined : items[rng.int(0, items.length - 1)];
      if (it === undefined) return b;
      it.len = rng.pick([
        0,
        1,
        it.value.length + 1,
        Math.max(0, it.value.length - 1),
        127,
        128,
        65_537,
        2 ** 31,
        2 ** 50,
      ]);
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "non-minimal-varint",
    (rng, b) => {
      const { items, tail } = readItems(b);
      const it = items.length === 0 ? undefined : items[rng.int(0, items.length - 1)];
      if (it === undefined) return b;
      if (rng.chance(0.5)) it.lenPad = rng.int(2, 10);
      else {
        const v = varintValue(it.value);
        if (v === undefined) it.lenPad = rng.int(2, 10);
        else it.value = Uint8Array.from(varint(v, rng.int(2, 10)));
      }
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "value-change",
    (rng, b) => {
      const { items, tail } = readItems(b);
      const it = items.length === 0 ? undefined : items[rng.int(0, items.length - 1)];
      if (it === undefined) return b;
      it.value = rng.chance(0.7)
        ? num(
            rng.pick<number | bigint>([
              0,
              1,
              2,
              5,
              7,
              999,
              1000,
              1001,
              1013,
              2 ** 31 - 1,
              2 ** 31,
              2 ** 53 - 1,
              2n ** 53n,
              2n ** 64n - 1n,
            ]),
          )
        : rng.bytes(rng.size(40));
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "type-change",
    (rng, b) => {
      const { items, tail } = readItems(b);
      const it = items.find((x) => x.tag === 1);
      if (it === undefined) return b;
      it.value = num(rng.int(0, 9));
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "shuffle",
    (rng, b) => {
      const { items, tail } = readItems(b);
      for (let i = items.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [items[i], items[j]] = [items[j] as Item, items[i] as Item];
      }
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "unknown-items",
    (rng, b) => {
      const extra: Item[] = [];
      for (let n = rng.pick([1, 2, 31, 40]); n > 0; n--) {
        extra.push({ tag: rng.pick([10, 11, 30, 127, 128, 300, 2 ** 21]), value: rng.bytes(rng.size(8)) });
      }
      return Uint8Array.from([...b, ...writeItems(extra)]);
    },
  ],
  ["concat", (rng, b) => Uint8Array.from([...b, ...rng.pick([...VALID_VECTORS, ...INVALID_VECTORS])])],
];

/** A golden vector (valid or invalid) with 1..3 mutations; the description names them. */
export function mutatedVector(rng: Rng): { bytes: Uint8Array; desc: string } {
  const fromValid = rng.chance(0.65);
  const list = fromValid ? VALID_VECTORS : INVALID_VECTORS;
  const index = rng.int(0, list.length - 1);
  let b = list[index] as Uint8Array;
  const names: string[] = [];
  for (let n = rng.int(0, 3); n > 0; n--) {
    const [name, m] = rng.pick(MUTATORS);
    b = m(rng, b);
    names.push(name);
  }
  return { bytes: b, desc: `${fromValid ? "valid" : "invalid"}[${index}] ${names.join("+") || "as is"}` };
}

// ---- ClientHello ---------------------------------------------------------------------------

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

// ---- request payloads ----------------------------------------------------------------------

/** The player the bystander is: attackers never log in as it and never kick it. */
export const BYSTANDER_PLAYER = 999;

export function attackerToken(rng: Rng): string {
  const r = rng.float();
  if (r < 0.7) return `p:${rng.int(1, 6)}`;
  if (r < 0.85) return `p:${rng.int(1, 6)}:${rng.pick(["a", "b", rng.text(20)])}`;
  const t = rng.pick(["", "p:", "p:0", "p:-1", "p:01", "x", "p:9007199254740993", "p:1\n", rng.text(3000)]);
  return /^p:0*999(?::|$)/.test(t) ? "p:1" : t;
}

export const PAD_BYTES = [0, 0, 0, 10, 300, 5000, 60_000, 65_439, 65_440, 65_441, 70_000, 2_000_000, 2 ** 32 - 1];

/**
 * A payload for `msgId`: usually a message of that route's type with random (sometimes
 * extreme) fields, else random bytes. `avoidKnown` leaves out the inputs of the known crashes (pad_bytes over the frame limit, tiny max_frame_bytes).
 */
export function payloadFor(
  rng: Rng,
  msgId: number,
  ctx: { serverEpoch: string; lastPushId: number; avoidKnown: boolean },
): Uint8Array {
  if (rng.chance(0.15)) return rng.bytes(rng.size(200));
  switch (msgId) {
    case 1000:
    case 1012:
      return echo.EchoReq.encode({
        text: rng.chance(0.02) ? "x".repeat(rng.int(60_000, 70_000)) : rng.text(200),
      }).finish();
    case 1001: {
      const pads = ctx.avoidKnown ? PAD_BYTES.filter((p) => p < 65_000) : PAD_BYTES;
      return echo.PushMeReq.encode({
        count: rng.chance(0.9) ? rng.int(0, 5) : rng.pick([50, 300, 1000]),
        reliable: rng.chance(0.6),
        padBytes: rng.pick(pads),
        intervalMs: rng.pick([0, 0, 0, 1, 5, 30]),
        compressHint: rng.chance(0.5),
      }).finish();
    }
    case 1002:
      return echo.FailReq.encode({
        code: rng.pick([0, 1001, 1005, 1010, 1014, 1015, 9999, 10_000, 12_345, -1, 2 ** 31 - 1, -(2 ** 31)]),
        message: rng.text(300),
      }).finish();
    case 1003:
      return echo.SlowReq.encode({ ms: rng.pick([0, 1, 10, 100, 400, 2500, 2 ** 31, 2 ** 32 - 1]) }).finish();
    case 1004:
    case 1006:
      return echo.TopicReq.encode({ topic: rng.chance(0.7) ? rng.pick(["a", "b", ""]) : rng.text(500) }).finish();
    case 1005:
      return echo.PublishReq.encode({ topic: rng.pick(["a", "b", "", "zz"]), text: rng.text(500) }).finish();
    case 1008:
      return echo.KickReq.encode({
        playerId: rng.pick([1, 2, 3, 4, 5, 6, 0, 12_345, 2 ** 53 - 1]),
        reason: rng.text(300),
      }).finish();
    case 1010:
      return echo.BroadcastReq.encode({ text: rng.text(300) }).finish();
    case 1: {
      return hostileHello(rng, { avoidTiny: ctx.avoidKnown }).bytes;
    }
    case 2: {
      const kick = rng.pick([undefined, true, false]);
      return LoginReq.encode(
        kick === undefined ? { token: attackerToken(rng) } : { token: attackerToken(rng), kickExistingSession: kick },
      ).finish();
    }
    case 3:
      return ResumeReq.encode({
        token: attackerToken(rng),
        lastAppliedPushId: rng.pick([0, ctx.lastPushId, ctx.lastPushId + 1, rng.int(0, 3000), 2 ** 53 - 1]),
        clientStateRevision: rng.pick([0, 1, 2 ** 53 - 1]),
        serverEpoch: rng.pick([ctx.serverEpoch, ctx.serverEpoch, "", rng.text(40)]),
        clientInstance: rng.bytes(rng.pick([0, 16, 16, 3, 100])),
      }).finish();
    case 4:
      return SyncReq.encode({ clientStateRevision: rng.pick([0, 1, 5, 2 ** 53 - 1]) }).finish();
    case 7:
      return LogoutReq.encode({}).finish();
    default:
      return rng.bytes(rng.size(64));
  }
}

const PAYLOAD_TYPES: Record<number, { decode(b: Uint8Array): object }> = {
  1: ClientHelloReq,
  2: LoginReq,
  3: ResumeReq,
  4: SyncReq,
  1000: echo.EchoReq,
  1001: echo.PushMeReq,
  1002: echo.FailReq,
  1003: echo.SlowReq,
  1004: echo.TopicReq,
  1005: echo.PublishReq,
  1006: echo.TopicReq,
  1008: echo.KickReq,
  1010: echo.BroadcastReq,
  1012: echo.EchoReq,
};

/** A short reading of a request payload for the action log (long strings and bytes by size). */
export function describePayload(msgId: number, payload: Uint8Array): string {
  const type = PAYLOAD_TYPES[msgId];
  if (type === undefined) return `${payload.length} bytes`;
  try {
    const json = JSON.stringify(type.decode(payload), (_k, v: unknown) =>
      typeof v === "string" && v.length > 40 ? `<${v.length} chars>` : v,
    );
    return json.length > 240 ? `${json.slice(0, 240)}...` : json;
  } catch {
    return `${payload.length} bytes that do not decode`;
  }
}

/** Whether a request would touch the bystander (a kick of its player); such requests are not sent. */
export function touchesBystander(msgId: number, payload: Uint8Array): boolean {
  if (msgId === 1008) {
    try {
      return Number(echo.KickReq.decode(payload).playerId) === BYSTANDER_PLAYER;
    } catch {
      return false;
    }
  }
  if (msgId === 2 || msgId === 3) {
    try {
      const token = msgId === 2 ? LoginReq.decode(payload).token : ResumeReq.decode(payload).token;
      return /^p:0*999(?::|$)/.test(token ?? "");
    } catch {
      return false;
    }
  }
  return false;
}

// ---- the echo server as a child process ------------------------------------------------------

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const ECHO_MAIN = join(REPO_ROOT, "examples", "echo", "dist", "main.js");

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/**
 * `node examples/echo/dist/main.js --port 0 ...`, leading its own process group. Its stdout and
 * stderr are kept (the last 256 KiB) for failure reports.
 */
export class EchoProcess {
  readonly child: ChildProcess;
  exit: ExitInfo | undefined;
  readonly exited: Promise<ExitInfo>;
  /** Output lines, a run of identical lines kept once with its count. */
  private readonly lines: { text: string; times: number }[] = [];
  private partial: Record<string, string> = {};
  private firstLine: Promise<string>;

  constructor(args: readonly string[]) {
    if (!existsSync(ECHO_MAIN)) {
      throw new Error(`${ECHO_MAIN} is missing: build first (npx turbo run build --filter=@tether/echo...)`);
    }
    this.child = spawn(process.execPath, [ECHO_MAIN, "--port", "0", ...args], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code, signal) => {
        this.exit = { code, signal, at: Date.now() };
        resolve(this.exit);
      });
    });
    this.child.on("error", (e) => this.append("spawn", String(e)));
    this.child.stderr?.on("data", (d: Buffer) => this.append("err", d.toString()));
    let out = "";
    this.firstLine = new Promise((resolve, reject) => {
      this.child.stdout?.on("data", (d: Buffer) => {
        this.append("out", d.toString());
        out += d.toString();
        const nl = out.indexOf("\n");
        if (nl >= 0) resolve(out.slice(0, nl));
      });
      void this.exited.then((e) =>
        reject(new Error(`echo exited (${e.code ?? e.signal}) before listening:\n${this.tail()}`)),
      );
    });
  }

  private append(stream: string, text: string): void {
    const all = (this.partial[stream] ?? "") + text;
    const parts = all.split("\n");
    this.partial[stream] = parts.pop() ?? "";
    for (const part of parts) {
      const line = `[${stream}] ${part.length > 2000 ? `${part.slice(0, 2000)}...` : part}`;
      const last = this.lines[this.lines.length - 1];
      if (last?.text === line) last.times++;
      else this.lines.push({ text: line, times: 1 });
    }
    if (this.lines.length > 2000) this.lines.splice(0, this.lines.length - 1000);
  }

  /** Resolves with the server's ws:// URL once it printed its listening line. */
  async url(timeoutMs = 15_000): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`echo did not listen within ${timeoutMs} ms:\n${this.tail()}`)),
        timeoutMs,
      );
    });
    try {
      const line = await Promise.race([this.firstLine, timeout]);
      const m = /^listening (ws:\/\/127\.0\.0\.1:\d+\/ws)$/.exec(line);
      if (!m?.[1]) throw new Error(`unexpected first line from echo: ${line}`);
      return m[1];
    } finally {
      clearTimeout(timer);
    }
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /** The last `lines` lines of its stdout and stderr. */
  tail(lines = 80): string {
    const out = this.lines.slice(-lines).map((l) => (l.times > 1 ? `${l.text}   (x${l.times})` : l.text));
    for (const [stream, rest] of Object.entries(this.partial)) if (rest) out.push(`[${stream}] ${rest}`);
    return out.join("\n");
  }

  /** Resident set size in bytes (Linux /proc), or undefined when it cannot be read. */
  rssBytes(): number | undefined {
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${this.pid}/status`, "utf8"));
      return m?.[1] === undefined ? undefined : Number(m[1]) * 1024;
    } catch {
      return undefined;
    }
  }

  /** Set once the test itself kills the process (cleanup), so that exit is not a finding. */
  killedByTest = false;

  /** Kills the whole process group and waits for the exit. */
  async kill(): Promise<void> {
    if (this.exit === undefined && this.child.pid !== undefined) {
      this.killedByTest = true;
      try {
        process.kill(-this.child.pid, "SIGKILL");
      } catch {}
      await this.exited;
    }
  }
}

// ---- raw connections -----------------------------------------------------------------------

/** What the server did wrong, shared by every connection of a run. */
export class Findings {
  readonly list: string[] = [];
  count = 0;

  /** Records a finding; returns its index (-1 when the list is full). */
  add(what: string): number {
    this.count++;
    if (this.list.length >= 40) return -1;
    return this.list.push(what) - 1;
  }

  /** Appends to a finding already recorded (what happened next). */
  amend(index: number, more: string): void {
    if (index >= 0 && index < this.list.length) this.list[index] += more;
  }
}

/** The last messages sent, across connections, for the failure report. */
export class ActionLog {
  private readonly entries: string[] = [];
  private readonly t0 = Date.now();

  constructor(private readonly capacity = 300) {}

  add(conn: string, desc: string, bytes?: Uint8Array | string): void {
    const body = bytes === undefined ? "" : typeof bytes === "string" ? ` text(${bytes.length})` : ` ${hexOf(bytes)}`;
    this.entries.push(`+${Date.now() - this.t0}ms ${conn} ${desc}${body}`);
    if (this.entries.length > this.capacity * 2) this.entries.splice(0, this.entries.length - this.capacity);
  }

  last(n: number): string[] {
    return this.entries.slice(-n);
  }
}

export interface Closed {
  code: number;
  reason: string;
}

/**
 * One WebSocket to the server that sends anything and checks everything it receives: every
 * binary message must fit the max_frame_bytes in force (the server's until a ClientHelloResp
 * says otherwise) and decode as a frame (through the agreed codec when this side negotiated it).
 */
export class RawConn {
  readonly ws: WebSocket;
  closed: Closed | undefined;
  /** The largest frame the server may send now. */
  limit: number;
  helloResp: ClientHelloResp | undefined;
  /** The ClientHello sent and not answered yet. */
  private pendingHello: HelloPlan | undefined;
  /** The max_frame_bytes our ClientHello should end up with, once we sent one. */
  private expectedLimit: number | undefined;
  /** Set when this side negotiated compression or a cipher it can speak. */
  codec: ConnectionCodec | undefined;
  received = 0;
  maxPushId = 0;
  private readonly waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame | undefined) => void }[] = [];
  private readonly closeWaiters: (() => void)[] = [];
  private readonly frameListeners: ((f: Frame) => void)[] = [];
  /** The last few messages this connection sent (for findings). */
  private readonly recent: string[] = [];
  /** Findings of this connection that the close code will complete. */
  private readonly openFindings: number[] = [];

  private constructor(
    url: string,
    readonly name: string,
    serverLimit: number,
    private readonly findings: Findings,
    private readonly log: ActionLog,
  ) {
    this.limit = serverLimit;
    this.ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024, handshakeTimeout: 5000 });
    this.ws.binaryType = "nodebuffer";
    this.ws.on("error", () => {});
    this.ws.on("message", (data: Buffer, isBinary) => this.onMessage(data, isBinary));
    this.ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const i of this.openFindings.splice(0))
        this.findings.amend(i, `; then the server closed ${code} "${reason}"`);
      for (const w of this.waiters.splice(0)) w.resolve(undefined);
      for (const w of this.closeWaiters.splice(0)) w();
    });
  }

  /** Opens a connection; undefined when the upgrade fails (refused, reset, server gone). */
  static open(
    url: string,
    name: string,
    serverLimit: number,
    findings: Findings,
    log: ActionLog,
  ): Promise<RawConn | undefined> {
    const c = new RawConn(url, name, serverLimit, findings, log);
    return new Promise((resolve) => {
      c.ws.once("open", () => resolve(c));
      c.ws.once("close", () => resolve(undefined));
      c.ws.once("unexpected-response", (_req, res) => {
        res.resume();
        c.ws.terminate();
        resolve(undefined);
      });
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  onFrame(fn: (f: Frame) => void): void {
    this.frameListeners.push(fn);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    this.received++;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!isBinary) {
      this.findings.add(`${this.name}: the server sent a text message (${data.byteLength} bytes)`);
      return;
    }
    if (bytes.length > this.limit) {
      this.finding(
        `${this.name}: the server sent a ${bytes.length}-byte message, above the negotiated max_frame_bytes ${this.limit}: ${hexOf(bytes, 48)}`,
      );
    }
    let frame: Frame;
    try {
      frame = this.codec ? this.codec.decode(bytes) : decodeFrame(bytes);
    } catch (e) {
      const inflate = isTetherError(e) && e.detail.rule === "inflate-limit";
      this.finding(
        inflate
          ? `${this.name}: the server sent a ${bytes.length}-byte frame whose compressed payload inflates past the negotiated max_frame_bytes ${this.limit}, which protocol.md section 4 makes INVALID_FRAME for the client (${String(e)}): ${hexOf(bytes, 48)}`
          : `${this.name}: a message from the server does not decode (${String(e)}): ${hexOf(bytes, 64)}`,
      );
      return;
    }
    if (
      this.helloResp === undefined &&
      (hasFlag(frame.flags, FrameFlag.COMPRESS) || hasFlag(frame.flags, FrameFlag.ENCRYPT))
    ) {
      // Compression and ciphers are agreed by a ClientHelloResp; without one the client cannot know.
      this.finding(
        `${this.name}: the server sent a ${hasFlag(frame.flags, FrameFlag.ENCRYPT) ? "sealed" : "compressed"} frame ` +
          `(type ${frame.type} msgId ${frame.msgId} flags ${frame.flags}) on a connection that never received a ClientHelloResp: ${hexOf(bytes, 48)}`,
      );
    }
    if (
      frame.type === FrameType.RESP &&
      frame.msgId === 1 &&
      !hasFlag(frame.flags, FrameFlag.ERROR) &&
      !this.helloResp
    ) {
      try {
        this.helloResp = ClientHelloResp.decode(frame.payload);
        const agreed = this.helloResp.maxFrameBytes;
        if (this.expectedLimit !== undefined && agreed !== this.expectedLimit) {
          this.findings.add(
            `${this.name}: ClientHelloResp max_frame_bytes ${agreed}, expected ${this.expectedLimit} (the smaller side)`,
          );
        }
        if (agreed > 0) this.limit = agreed;
        this.adopt(this.helloResp);
      } catch (e) {
        this.findings.add(`${this.name}: a ClientHelloResp does not decode (${String(e)})`);
      }
    }
    if (frame.type === FrameType.PUSH && frame.pushId > this.maxPushId) this.maxPushId = frame.pushId;
    for (const l of this.frameListeners) l(frame);
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i];
      if (w?.pred(frame)) {
        this.waiters.splice(i, 1);
        w.resolve(frame);
        return;
      }
    }
  }

  /** A finding about what the server sent this connection, with what it had just sent. */
  private finding(what: string): void {
    const i = this.findings.add(`${what} [${this.codec?.sealed ? "sealed; " : ""}after: ${this.recent.join(" | ")}]`);
    if (i >= 0) this.openFindings.push(i);
  }

  /** The next frame that matches, or undefined on close or after `ms`. */
  waitFrame(pred: (f: Frame) => boolean, ms: number): Promise<Frame | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const w = {
        pred,
        resolve: (f: Frame | undefined) => {
          clearTimeout(timer);
          resolve(f);
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(w);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(undefined);
      }, ms);
      this.waiters.push(w);
    });
  }

  waitClosed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  /** Sends bytes (or text) as they are, logged (as `shown` when given: the frame before sealing). */
  send(desc: string, data: Uint8Array | string, shown?: Uint8Array): void {
    if (!this.open) return;
    this.log.add(this.name, desc, shown ?? data);
    this.recent.push(desc.length > 160 ? `${desc.slice(0, 160)}...` : desc);
    if (this.recent.length > 4) this.recent.shift();
    this.ws.send(data);
  }

  /**
   * Sends a frame through the negotiated codec (or the plain writer), logged. A frame that is
   * compressed or sealed on the wire is logged as its plain encoding, so the log reproduces it.
   */
  sendFrame(desc: string, init: FrameInit & { compress?: boolean }): void {
    let plain: Uint8Array;
    try {
      plain = encodeFrame(init);
    } catch {
      if (this.codec?.sealed) return; // a frame the writer refuses cannot be sealed either
      plain = looseFrame(init);
    }
    if (this.codec === undefined) {
      this.send(desc, plain);
      return;
    }
    let wire: Uint8Array;
    try {
      wire = this.codec.encode(init);
    } catch {
      return;
    }
    const how = this.codec.sealed ? "sealed" : "compression agreed";
    this.send(`${desc} [${how}, ${wire.length} bytes on the wire; plain:]`, wire, plain);
  }

  /** Sends a ClientHello REQ and, when it carried a real key share, adopts what was agreed. */
  async hello(plan: HelloPlan, seq: number, waitMs: number): Promise<ClientHelloResp | undefined> {
    let offered = 0;
    try {
      offered = ClientHelloReq.decode(plan.bytes).maxFrameBytes ?? 0;
    } catch {}
    // What the RESP must announce: the smaller of the two sides (ours when we sent one).
    this.expectedLimit = offered > 0 ? Math.min(offered, this.limit) : this.limit;
    this.pendingHello = seq === 0 ? undefined : plan;
    this.send(`${plan.desc} seq=${seq}`, looseFrame({ msgId: 1, seq, payload: plan.bytes }));
    if (seq === 0) {
      // A hello sent as a notify gets no RESP, yet the server may apply it: hold it to our offer
      // when that is one every server accepts (at least the 1024-byte floor of protocol.md).
      if (offered >= 1024 && this.received === 0) this.limit = this.expectedLimit;
      return undefined;
    }
    const resp = await this.waitFrame((f) => f.type === FrameType.RESP && f.seq === seq, waitMs);
    if (resp === undefined || hasFlag(resp.flags, FrameFlag.ERROR)) return undefined;
    return this.helloResp;
  }

  /**
   * Switches to what the ClientHelloResp agreed, in the same turn as the RESP arrived (the
   * server's next frame may already be in the same read, sealed).
   */
  private adopt(hello: ClientHelloResp): void {
    const plan = this.pendingHello;
    this.pendingHello = undefined;
    if (plan === undefined) return;
    const cipher = hello.selectedCipher;
    if (isAeadAlgorithm(cipher) && plan.share === undefined) return; // cannot speak it: stay raw
    const seal =
      isAeadAlgorithm(cipher) && plan.share
        ? createSealPair(
            nobleCrypto,
            cipher as AeadAlgorithm,
            clientKeyExchange(nobleCrypto, {
              helloBytes: plan.bytes,
              share: plan.share,
              serverKeyShare: hello.serverKeyShare,
              serverNonce: hello.serverNonce,
              cipher: cipher as AeadAlgorithm,
              serverSignature: hello.serverSignature,
            }),
            "client",
          )
        : undefined;
    this.codec = new ConnectionCodec({
      compressor: hello.selectedCompression === 3 ? fflateGzip : undefined,
      compressionMinBytes: hello.compressionMinBytes,
      maxFrameBytes: this.limit,
      seal,
    });
  }

  close(): void {
    this.ws.close();
  }

  terminate(): void {
    this.ws.terminate();
  }
}

/** One turn of the event loop (lets received messages and other attackers run). */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// ---- the bystander -------------------------------------------------------------------------

/**
 * An honest player (p:999) that keeps playing during the attack: every round it echoes, asks
 * route 1001 for a few reliable pushes and acknowledges what it applied. Its reliable pushes
 * must arrive exactly once, in pushId order, with no gap; every echo must come back.
 */
export class Bystander {
  readonly problems: string[] = [];
  /** The PushMsg index expected for pushId i + 1. */
  readonly expected: number[] = [];
  applied = 0;
  echoes = 0;
  rounds = 0;
  maxRttMs = 0;
  serverEpoch = "";
  private seq = 0;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  private constructor(
    readonly conn: RawConn,
    private readonly rng: Rng,
  ) {
    conn.onFrame((f) => this.onFrame(f));
  }

  /** Connects, negotiates gzip and ChaCha20-Poly1305 (sealed frames), logs in as p:999. */
  static async start(url: string, rng: Rng, findings: Findings, serverLimit: number): Promise<Bystander> {
    const conn = await RawConn.open(url, "bystander", serverLimit, findings, new ActionLog(50));
    if (conn === undefined) throw new Error("the bystander could not connect");
    const share = keyShareFrom(rng);
    const bytes = ClientHelloReq.encode({
      protocolVersion: 1,
      clientVersion: "fuzz bystander",
      supportedCompressions: [3],
      supportedCiphers: [2],
      clientKeyShare: share.publicKey,
      clientNonce: share.nonce,
    }).finish();
    const hello = await conn.hello({ bytes, desc: "bystander hello", share }, 1, 5000);
    if (hello === undefined || conn.codec?.sealed !== true) throw new Error("the bystander's ClientHello failed");
    const b = new Bystander(conn, rng);
    b.serverEpoch = hello.serverEpoch;
    b.seq = 1;
    const login = await b.request(2, LoginReq.encode({ token: `p:${BYSTANDER_PLAYER}` }).finish());
    if (login === undefined || hasFlag(login.flags, FrameFlag.ERROR)) throw new Error("the bystander could not log in");
    return b;
  }

  private problem(what: string): void {
    if (this.problems.length < 20) this.problems.push(`bystander: ${what}`);
  }

  private onFrame(f: Frame): void {
    if (f.type !== FrameType.PUSH) return;
    if (!(f.ts > 0)) this.problem(`push msgId ${f.msgId} without ts`);
    if (f.msgId === 6) {
      let why = toHex(f.payload);
      try {
        why = JSON.stringify(DisconnectPush.decode(f.payload));
      } catch {}
      this.problem(`received a Disconnect push ${why}`);
      return;
    }
    if (f.pushId === 0) return; // best effort (a broadcast of an attacker): not part of the stream
    if (hasFlag(f.flags, FrameFlag.REPLAY)) this.problem(`push ${f.pushId} is flagged REPLAY without any resume`);
    if (f.pushId !== this.applied + 1) {
      this.problem(
        `reliable push ${f.pushId} after ${this.applied}: ${f.pushId <= this.applied ? "duplicate" : "gap"} (msgId ${f.msgId})`,
      );
      if (f.pushId <= this.applied) return;
    }
    const want = this.expected[f.pushId - 1];
    let index: number | undefined;
    try {
      index = f.msgId === 2001 ? echo.PushMsg.decode(f.payload).index : undefined;
    } catch {}
    if (index === undefined || index !== want) {
      this.problem(`reliable push ${f.pushId}: msgId ${f.msgId} index ${index}, expected 2001 index ${want}`);
    }
    this.applied = f.pushId;
  }

  /** A REQ (with a piggy-backed ACK half of the time) and its RESP; problems when it fails. */
  private async request(msgId: number, payload: Uint8Array, ms = 6000): Promise<Frame | undefined> {
    const seq = ++this.seq;
    const ackPushId = this.rng.chance(0.5) ? this.applied : 0;
    const t0 = Date.now();
    this.conn.sendFrame(`REQ ${msgId}`, { type: FrameType.REQ, msgId, seq, payload, ackPushId });
    const resp = await this.conn.waitFrame((f) => f.type === FrameType.RESP && f.seq === seq, ms);
    const rtt = Date.now() - t0;
    if (rtt > this.maxRttMs) this.maxRttMs = rtt;
    if (resp === undefined) {
      const closed = this.conn.closed;
      this.problem(
        closed
          ? `connection closed ${closed.code} "${closed.reason}" while waiting for msgId ${msgId} seq ${seq}`
          : `no answer to msgId ${msgId} seq ${seq} within ${ms} ms`,
      );
      return undefined;
    }
    if (resp.msgId !== msgId) this.problem(`RESP seq ${seq} has msgId ${resp.msgId}, expected ${msgId}`);
    if (hasFlag(resp.flags, FrameFlag.ERROR)) {
      let detail = toHex(resp.payload);
      try {
        detail = JSON.stringify(ErrorMessage.decode(resp.payload));
      } catch {}
      this.problem(`msgId ${msgId} seq ${seq} answered with an error ${detail}`);
    }
    return resp;
  }

  private async round(): Promise<void> {
    this.rounds++;
    const text = `round ${this.rounds} ${this.rng.text(40)}`;
    const r1 = await this.request(1000, echo.EchoReq.encode({ text }).finish());
    if (r1 !== undefined && !hasFlag(r1.flags, FrameFlag.ERROR)) {
      const got = echo.EchoResp.decode(r1.payload).text;
      if (got === text) this.echoes++;
      else this.problem(`echo of ${JSON.stringify(text)} came back as ${JSON.stringify(got)}`);
    }
    if (this.conn.closed) return;
    const count = this.rng.int(1, 4);
    const before = this.expected.length;
    for (let i = 0; i < count; i++) this.expected.push(i);
    const r2 = await this.request(
      1001,
      echo.PushMeReq.encode({
        count,
        reliable: true,
        padBytes: this.rng.pick([0, 0, 16, 300, 1000]),
        compressHint: this.rng.chance(0.5),
      }).finish(),
    );
    if (r2 === undefined || hasFlag(r2.flags, FrameFlag.ERROR)) {
      this.expected.length = before;
      return;
    }
    const target = this.expected.length;
    if (this.applied < target) {
      await this.conn.waitFrame((f) => f.type === FrameType.PUSH && f.pushId >= target, 6000);
      if (this.applied < target)
        this.problem(`reliable pushes up to ${target} not all received (applied ${this.applied})`);
    }
    if (this.rng.chance(0.7)) this.conn.sendFrame("ACK", { type: FrameType.ACK, pushId: this.applied });
  }

  /** Plays a round every `everyMs` until stopped (or its connection is gone). */
  run(everyMs: number): void {
    this.loop = (async () => {
      while (!this.stopped && !this.conn.closed) {
        await this.round();
        if (this.stopped) break;
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, everyMs);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    })();
  }

  /** Stops after the current round, acknowledges everything and checks the stream is exact. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    if (this.conn.closed) {
      this.problem(`its connection was closed: ${this.conn.closed.code} "${this.conn.closed.reason}"`);
      return;
    }
    this.conn.sendFrame("ACK", { type: FrameType.ACK, pushId: this.applied });
    if (this.applied !== this.expected.length) {
      this.problem(`applied ${this.applied} reliable pushes, expected ${this.expected.length}`);
    }
    if (this.echoes !== this.rounds) this.problem(`${this.echoes} of ${this.rounds} echoes came back right`);
  }
}
