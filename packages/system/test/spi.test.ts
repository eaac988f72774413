import { ErrorCode, LoginReq, SystemMsgId } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { type AuthResult, checkAuthResult, SessionEngine, type TokenAuthenticator } from "../src/internal.js";
import { errorOf, GatedAuthenticator, makeEngine, settle, TestClient } from "./harness.js";

const loginReq = (token: string) => LoginReq.encode({ token }).finish();

describe("the SPIs (sessions.md §2)", () => {
  it("rejects every token with UNAUTHORIZED when no authenticator is configured", async () => {
    const engine = new SessionEngine({});
    const c = new TestClient(engine);
    expect(errorOf(await c.request(SystemMsgId.LOGIN, loginReq("p:1"))).code).toBe(ErrorCode.UNAUTHORIZED);
  });

  it.each<[string, TokenAuthenticator]>([
    ["throws", { authenticate: () => Promise.reject(new Error("db down")) }],
    ["returns playerId 0", { authenticate: () => ({ playerId: 0 }) }],
    ["returns a fractional playerId", { authenticate: () => ({ playerId: 1.5 }) }],
    ["returns a string playerId", { authenticate: () => ({ playerId: "7" }) as unknown as AuthResult }],
    ["returns nothing", { authenticate: () => undefined as unknown as AuthResult }],
    ["returns non-string data", { authenticate: () => ({ playerId: 1, data: { a: 1 } }) as unknown as AuthResult }],
  ])("answers UNAUTHORIZED, never crashing, when the authenticator %s", async (_, authenticator) => {
    const { engine } = makeEngine({ authenticator });
    const c = new TestClient(engine);
    expect(errorOf(await c.request(SystemMsgId.LOGIN, loginReq("t"))).code).toBe(ErrorCode.UNAUTHORIZED);
    expect(engine.metrics.authFailures).toBe(1);
    expect(c.closed).toBeUndefined();
  });

  it("never blocks other connections while an authenticator's promise is pending", async () => {
    const auth = new GatedAuthenticator();
    const { engine } = makeEngine({ authenticator: auth });
    engine.route(1011, () => new Uint8Array([1]), { open: true });
    auth.gate = true;
    const slow = new TestClient(engine);
    const pending = slow.login("p:1");
    const other = new TestClient(engine);
    expect((await other.request(1011)).payload).toEqual(new Uint8Array([1]));
    auth.releaseAll();
    await pending;
  });

  it("keeps a connection's system requests in order while the authenticator is async", async () => {
    const auth = new GatedAuthenticator();
    const { engine } = makeEngine({ authenticator: auth });
    engine.route(1000, (_, ctx) => new TextEncoder().encode(String(ctx.playerId)));
    auth.gate = true;
    const c = new TestClient(engine);
    const login = c.login("p:3");
    const after = c.request(1000); // sent right after the Login: must see the session
    await settle();
    expect(auth.pending).toBe(1);
    auth.releaseAll();
    await login;
    expect(new TextDecoder().decode((await after).payload)).toBe("3");
  });

  it("accepts a valid AuthResult as it is", () => {
    expect(checkAuthResult({ playerId: 5, deviceId: "d", kickExistingSession: false, data: { a: "b" } })).toEqual({
      playerId: 5,
      deviceId: "d",
      kickExistingSession: false,
      data: { a: "b" },
    });
  });
});
