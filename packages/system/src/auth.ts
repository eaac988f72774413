/**
 * Authentication with the game's TokenAuthenticator (sessions.md §2, §4): anything but a valid
 * AuthResult is UNAUTHORIZED (counted), and every SPI call is bounded by requestTimeoutMs. The
 * failure limit per connection (maxAuthFailures, close 4503) is applied by dispatch.ts.
 */
import { ErrorCode, isTetherError, TetherError } from "@tether/protocol";
import type { Connection } from "./connection.js";
import type { EngineContext } from "./context.js";
import { type AuthResult, checkAuthResult } from "./spi.js";

/** Authenticates a token with the SPI; anything but a valid AuthResult is UNAUTHORIZED. */
export async function authenticate(engine: EngineContext, token: unknown, conn: Connection): Promise<AuthResult> {
  try {
    if (typeof token !== "string" || token.length === 0) throw new Error("empty token");
    return checkAuthResult(
      await withTimeout(engine, engine.options.authenticator.authenticate(token, conn.info), "authenticator"),
    );
  } catch (e) {
    engine.metrics.authFailures++;
    if (isTetherError(e) && (e.code === ErrorCode.UNAUTHORIZED || e.code === ErrorCode.REQUEST_TIMEOUT)) throw e;
    throw new TetherError(ErrorCode.UNAUTHORIZED, "token rejected");
  }
}

/**
 * Bounds an SPI call by requestTimeoutMs: past it the caller gets REQUEST_TIMEOUT and the
 * late answer is dropped, so a stuck SPI cannot hold a connection's later frames forever.
 */
export function withTimeout<T>(engine: EngineContext, work: T | Promise<T>, what: string): Promise<T> {
  // An answer already there needs no timer (a synchronous authenticator, the common case).
  if (typeof (work as PromiseLike<T> | null)?.then !== "function") return Promise.resolve(work);
  return new Promise<T>((resolve, reject) => {
    const timer = engine.clock.setTimer(engine.limits.requestTimeoutMs, () =>
      reject(new TetherError(ErrorCode.REQUEST_TIMEOUT, `${what} did not answer in time`)),
    );
    Promise.resolve(work).then(
      (v) => {
        timer.cancel();
        resolve(v);
      },
      (e: unknown) => {
        timer.cancel();
        reject(e);
      },
    );
  });
}
