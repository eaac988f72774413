/** The fuzz suite's seeded randomness: every input replays from FUZZ_SEED. */

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
