/**
 * The service-provider interfaces game code implements (sessions.md §2). Both may answer
 * synchronously or with a promise; the defaults deny.
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import { sessionDataProblem } from "./session-data.js";

/** What the server knows about a connection when it authenticates a token. */
export interface ConnectionInfo {
  readonly connId: string;
  /** The peer's address as the socket sees it. */
  readonly remoteAddress: string;
  /** True when the connection arrived over TLS (or a trusted proxy says so). */
  readonly secure: boolean;
  /** Request headers of the upgrade, lower-case names. Empty when not known. */
  readonly headers: Readonly<Record<string, string>>;
  /** The query string of the upgrade URL, without `?`. */
  readonly query: string;
}

export interface AuthResult {
  /** A positive safe integer. */
  readonly playerId: number;
  /** Set for one session per (player, device); absent for one session per player. */
  readonly deviceId?: string;
  /** The kick policy for this player when a Login finds the session held. */
  readonly kickExistingSession?: boolean;
  /** Initial session data (a small string map for game code). */
  readonly data?: Readonly<Record<string, string>>;
}

export interface TokenAuthenticator {
  authenticate(token: string, info: ConnectionInfo): AuthResult | Promise<AuthResult>;
}

export interface SnapshotResult {
  readonly serverStateRevision: number;
  readonly snapshot: Uint8Array;
}

export interface SnapshotProvider {
  snapshot(playerId: number, clientStateRevision: number): SnapshotResult | Promise<SnapshotResult>;
}

/** The default authenticator: every token is rejected. */
export const denyAllAuthenticator: TokenAuthenticator = {
  authenticate() {
    throw new TetherError(ErrorCode.UNAUTHORIZED, "no authenticator is configured");
  },
};

const MAX_DEVICE_ID_LENGTH = 128;

/**
 * Checks what an authenticator returned. Anything malformed is UNAUTHORIZED, never a crash.
 */
export function checkAuthResult(x: unknown): AuthResult {
  const r = x as Partial<AuthResult> | null | undefined;
  const bad = (why: string) => new TetherError(ErrorCode.UNAUTHORIZED, `authenticator returned ${why}`);
  if (typeof r !== "object" || r === null) throw bad("no result");
  if (typeof r.playerId !== "number" || !Number.isSafeInteger(r.playerId) || r.playerId <= 0) {
    throw bad("an invalid playerId");
  }
  if (
    r.deviceId !== undefined &&
    (typeof r.deviceId !== "string" || r.deviceId.length === 0 || r.deviceId.length > MAX_DEVICE_ID_LENGTH)
  ) {
    throw bad("an invalid deviceId");
  }
  if (r.kickExistingSession !== undefined && typeof r.kickExistingSession !== "boolean") {
    throw bad("an invalid kickExistingSession");
  }
  if (r.data !== undefined) {
    if (typeof r.data !== "object" || r.data === null) throw bad("invalid data");
    if (sessionDataProblem(Object.entries(r.data)) !== undefined) throw bad("invalid data");
  }
  return r as AuthResult;
}

/** The session key: one session per player, or per (player, device). */
export function sessionKeyOf(auth: AuthResult): string {
  return auth.deviceId === undefined ? `${auth.playerId}` : `${auth.playerId}/${auth.deviceId}`;
}
