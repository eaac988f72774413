/** The one error of cluster work that Redis or another node could not do in time (retryable). */
import { ErrorCode, TetherError } from "@tether/protocol";

/** SERVER_BUSY for a Redis command or node request that failed: `e` is why. */
export const unavailable = (e: unknown): TetherError =>
  new TetherError(ErrorCode.SERVER_BUSY, `the cluster is unavailable (${e instanceof Error ? e.message : String(e)})`);
