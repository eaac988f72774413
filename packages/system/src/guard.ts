/**
 * The process guard's handling of an error that escaped framework code (a socket event, a
 * timer, a queued task): counted, logged once per connection, and that connection alone is
 * closed (1011); the process keeps running. `EngineContext.guard` runs callbacks through it.
 */
import { CloseCode } from "@tether/protocol";
import type { Connection } from "./connection.js";
import type { EngineContext } from "./context.js";

/** An error escaped framework code: counted, logged once per connection, that connection closed. */
export function internalError(engine: EngineContext, conn: Connection | undefined, where: string, e: unknown): void {
  engine.metrics.internalErrors++;
  if (conn === undefined || !conn.failed) {
    engine.logger.error("internal error", {
      where,
      connId: conn?.connId ?? "",
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
    });
  }
  if (conn === undefined) return;
  conn.failed = true;
  try {
    conn.close(CloseCode.INTERNAL_ERROR, "internal error");
  } catch {
    conn.transportClosed(CloseCode.INTERNAL_ERROR); // the sink failed too: forget it anyway
  }
}
