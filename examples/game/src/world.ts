/**
 * The arena's rules, shared by the server (authoritative) and the bots (their model of the
 * world). A square grid; coins appear at pseudo-random free cells; stepping on a coin scores.
 */
export const SIZE = 12;
export const COINS = 4;

export interface CoinState {
  readonly id: number;
  readonly x: number;
  readonly y: number;
}

/** A deterministic PRNG, so a game can be replayed from its seed. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function clampStep(v: number): number {
  return Math.max(-1, Math.min(1, Math.trunc(v)));
}

export function inside(v: number): number {
  return Math.max(0, Math.min(SIZE - 1, v));
}
