/**
 * The server side of the benchmark control channel: one command per stdin line, one answer line
 * on stdout. Every server understands `gc` (full collection, then `rss <bytes> heap <bytes>
 * heapTotal <bytes> external <bytes>`: resident memory, JS heap in use, JS heap reserved, and
 * memory outside the heap that V8 knows of, such as ArrayBuffer backing stores).
 */
import { createInterface } from "node:readline";

export type CommandHandler = (args: string[]) => string | Promise<string>;

export function serveCommands(handlers: Record<string, CommandHandler>): void {
  const all: Record<string, CommandHandler> = {
    gc: () => {
      const gc = (globalThis as { gc?: () => void }).gc;
      for (let i = 0; i < 3; i++) gc?.();
      const m = process.memoryUsage();
      return `rss ${m.rss} heap ${m.heapUsed} heapTotal ${m.heapTotal} external ${m.external}`;
    },
    ...handlers,
  };
  const lines = createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    const [name = "", ...args] = line.trim().split(/\s+/);
    const handler = all[name];
    if (handler === undefined) {
      process.stdout.write(`error unknown command ${name}\n`);
      return;
    }
    void Promise.resolve()
      .then(() => handler(args))
      .then(
        (answer) => process.stdout.write(`${answer}\n`),
        (e: unknown) => process.stdout.write(`error ${String(e)}\n`),
      );
  });
  // Stdin closing means the runner is gone; a clean exit on SIGTERM lets --cpu-prof write.
  lines.on("close", () => process.exit(0));
  process.on("SIGTERM", () => process.exit(0));
}

/** Runs `step` `perTurn` times per event-loop turn, `count` times in all; resolves when done. */
export function inBursts(count: number, step: (i: number) => void, perTurn = 10): Promise<void> {
  return new Promise((resolve) => {
    let i = 0;
    const burst = () => {
      for (let k = 0; k < perTurn && i < count; k++, i++) step(i);
      if (i < count) setImmediate(burst);
      else resolve();
    };
    burst();
  });
}

/** A 64-byte benchmark payload: the send time (f64) and an index (u32), then filler. */
export function stampedPayload(index: number): Uint8Array {
  const msg = new Uint8Array(64);
  const view = new DataView(msg.buffer);
  view.setFloat64(0, Date.now(), true);
  view.setUint32(8, index, true);
  return msg;
}

export function readStamp(bytes: Uint8Array): { sentAt: number; index: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { sentAt: view.getFloat64(0, true), index: view.getUint32(8, true) };
}

/** The per-turn count of a `broadcast` / `publish` command: its optional second argument, 10 by default. */
export function perTurnArg(arg: string | undefined): number {
  const n = Number(arg ?? 10);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bad per-turn count ${arg}`);
  return n;
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes here. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Calls `tick(k)` for k = 0, 1, ... `hz` times a second for `seconds`, each tick scheduled from
 * the start (a late tick does not push the later ones back); resolves after the last.
 */
export function ticking(hz: number, seconds: number, tick: (k: number) => void): Promise<void> {
  const period = 1000 / hz;
  const count = Math.round(hz * seconds);
  const start = performance.now();
  return new Promise((resolve) => {
    let k = 0;
    const next = () => {
      tick(k++);
      if (k >= count) resolve();
      else setTimeout(next, Math.max(0, start + k * period - performance.now()));
    };
    next();
  });
}

/**
 * Calls `step(i)` for i = 0, 1, ... `rate` times a second on average for `seconds`
 * (`Math.round(rate * seconds)` calls in all): each wake-up of a 1 ms timer makes every call due
 * by then, so a late wake-up catches up instead of lowering the rate. Resolves with the
 * milliseconds from the first call to the last.
 */
export function paced(rate: number, seconds: number, step: (i: number) => void): Promise<number> {
  const count = Math.round(rate * seconds);
  const start = performance.now();
  return new Promise((resolve) => {
    let i = 0;
    const next = () => {
      const due = Math.min(count, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      while (i < due) step(i++);
      if (i >= count) resolve(performance.now() - start);
      else setTimeout(next, 1);
    };
    next();
  });
}

/** A game-tick state update of `bytes` (at least 16) for one player: send time (f64), tick, player, filler. */
export function tickPayload(bytes: number, tick: number, player: number): Uint8Array {
  const msg = new Uint8Array(bytes);
  const view = new DataView(msg.buffer);
  view.setFloat64(0, preciseNow(), true);
  view.setUint32(8, tick, true);
  view.setUint32(12, player, true);
  return msg;
}

export function readTickPayload(bytes: Uint8Array): { sentAt: number; tick: number; player: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { sentAt: view.getFloat64(0, true), tick: view.getUint32(8, true), player: view.getUint32(12, true) };
}
