/**
 * The arena's rules, shared by the server (authoritative), the Node bots and the page (which
 * draws what the server decides). Distances are in world units; the world is WIDTH x HEIGHT.
 */
export const WIDTH = 960;
export const HEIGHT = 600;
/** Server ticks per second: positions are pushed (best effort) once per tick. */
export const TICKS_PER_SECOND = 20;
export const PLAYER_RADIUS = 18;
export const COIN_RADIUS = 10;
/** Units per tick at full speed (240 units/s). */
export const SPEED = 12;
export const COINS = 6;
/** A zap hits every other player whose centre is this close. */
export const ZAP_RANGE = 110;
export const ZAP_COOLDOWN_MS = 1000;
/** A client re-sends its input this often while connected (even when it has not changed). */
export const INPUT_EVERY_MS = 500;
/** Input older than this is ignored: the player stands still (its connection has gone). */
export const INPUT_TTL_MS = 1500;
/** A player who just joined cannot be hit for this long. */
export const SPAWN_SAFE_MS = 3000;
/** A player hit by a zap cannot move for this long. */
export const STUN_MS = 1200;

/** A deterministic PRNG, so a world can be replayed from its seed. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** An input axis as the server takes it: -1, 0 or 1 (anything else is clamped). */
export function axis(v: number): number {
  return Number.isFinite(v) ? Math.max(-1, Math.min(1, Math.trunc(v))) : 0;
}

/** One tick of movement: diagonal moves are as fast as straight ones; the walls stop you. */
export function step(x: number, y: number, dx: number, dy: number): { x: number; y: number } {
  const ax = axis(dx);
  const ay = axis(dy);
  const scale = ax !== 0 && ay !== 0 ? Math.SQRT1_2 : 1;
  return {
    x: clamp(Math.round(x + ax * SPEED * scale), PLAYER_RADIUS, WIDTH - PLAYER_RADIUS),
    y: clamp(Math.round(y + ay * SPEED * scale), PLAYER_RADIUS, HEIGHT - PLAYER_RADIUS),
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

export function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * A player's colour (0xRRGGBB): players bright, bots muted, so that a glance tells them apart;
 * neighbouring ids a golden angle apart on the colour wheel.
 */
export function colorOf(id: number, bot = false): number {
  const hue = (id * 137.508) % 360;
  const [r, g, b] = bot ? hsl(hue, 0.28, 0.62) : hsl(hue, 0.8, 0.58);
  return (r << 16) | (g << 8) | b;
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
}

/** The input axis that heads from `from` to `to` (0 once within half a step). */
export function toward(from: number, to: number): number {
  return Math.abs(to - from) < SPEED / 2 ? 0 : Math.sign(to - from);
}

/** The point of `points` nearest to `from`, if any. */
export function nearest<P extends { x: number; y: number }>(
  points: Iterable<P>,
  from: { x: number; y: number },
): P | undefined {
  let best: P | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const p of points) {
    const d = distance(p, from);
    if (d < bestD) {
      best = p;
      bestD = d;
    }
  }
  return best;
}
