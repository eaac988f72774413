/**
 * Test harness: a SessionEngine with a manual clock and a scriptable authenticator, and
 * TestClient, a transport-free client that speaks raw frames through @tether/protocol (so tests
 * can also send bad input). Everything waits on events; nothing sleeps.
 */
import { FrameClient } from "@tether/testkit";
import {
  type AuthResult,
  type Connection,
  type EngineOptions,
  ManualClock,
  SessionEngine,
  type SnapshotProvider,
  type TokenAuthenticator,
} from "../src/internal.js";

/** `p:<playerId>` or `p:<playerId>:<deviceId>`; anything else is rejected. */
export const tokenAuthenticator: TokenAuthenticator = {
  authenticate(token) {
    const m = /^p:(\d+)(?::(.+))?$/.exec(token);
    if (!m) throw new Error("bad token");
    const r: AuthResult = { playerId: Number(m[1]) };
    return m[2] === undefined ? r : { ...r, deviceId: m[2] };
  },
};

/** An authenticator whose answers the test releases by hand. */
export class GatedAuthenticator implements TokenAuthenticator {
  private readonly waiting: (() => void)[] = [];
  gate = false;

  authenticate(token: string, info: Parameters<TokenAuthenticator["authenticate"]>[1]): Promise<AuthResult> {
    const answer = () => tokenAuthenticator.authenticate(token, info) as AuthResult;
    if (!this.gate) return Promise.resolve(answer());
    return new Promise((resolve, reject) => {
      this.waiting.push(() => {
        try {
          resolve(answer());
        } catch (e) {
          reject(e);
        }
      });
    });
  }

  get pending(): number {
    return this.waiting.length;
  }

  releaseAll(): void {
    for (const w of this.waiting.splice(0)) w();
  }
}

/** A snapshot provider over a per-player counter, like the conformance server's. */
export class CounterGame implements SnapshotProvider {
  readonly revisions = new Map<number, number>();
  snapshot(playerId: number) {
    const rev = this.revisions.get(playerId) ?? 0;
    return { serverStateRevision: rev, snapshot: Uint8Array.of(rev & 0xff) };
  }
}

export function makeEngine(options: Partial<EngineOptions> = {}) {
  const clock = new ManualClock();
  const engine = new SessionEngine({ authenticator: tokenAuthenticator, clock, serverEpoch: "epoch-A", ...options });
  return { engine, clock };
}

const enc = new TextEncoder();
export const bytes = (s: string) => enc.encode(s);

let clientCounter = 0;

/** A FrameClient wired straight to a SessionEngine connection (no socket). */
export class TestClient extends FrameClient {
  readonly conn: Connection;

  constructor(
    readonly engine: SessionEngine,
    opts: { secure?: boolean } = {},
  ) {
    super();
    this.conn = engine.connect(
      {
        connId: `c${++clientCounter}`,
        remoteAddress: "127.0.0.1",
        secure: opts.secure ?? false,
        headers: {},
        query: "",
      },
      {
        send: (b) => this.onBytes(b),
        close: (code, reason) => this.onClose(code, reason),
      },
    );
  }

  protected transmit(bytes: Uint8Array): void {
    this.conn.receive(bytes);
  }

  /** The transport drops without a close frame. */
  drop(): void {
    this.conn.transportClosed(1006);
  }
}

/** Lets queued promise callbacks run (the engine's lanes are promise chains). */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

export { errorOf, isError } from "@tether/testkit";
