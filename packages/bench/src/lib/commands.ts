/**
 * The server side of the benchmark control channel: one command per stdin line, one answer line
 * on stdout. Every server understands `gc` (full collection, then `rss <bytes> heap <bytes>`).
 */
import { createInterface } from "node:readline";

export type CommandHandler = (args: string[]) => string | Promise<string>;

export function serveCommands(handlers: Record<string, CommandHandler>): void {
  const all: Record<string, CommandHandler> = {
    gc: () => {
      const gc = (globalThis as { gc?: () => void }).gc;
      for (let i = 0; i < 3; i++) gc?.();
      const m = process.memoryUsage();
      return `rss ${m.rss} heap ${m.heapUsed}`;
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

/** Runs `step` 10 times per event-loop turn, `count` times in all; resolves when done. */
export function inBursts(count: number, step: (i: number) => void): Promise<void> {
  return new Promise((resolve) => {
    let i = 0;
    const burst = () => {
      for (let k = 0; k < 10 && i < count; k++, i++) step(i);
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
