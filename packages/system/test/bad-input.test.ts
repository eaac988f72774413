import { CloseCode, ErrorCode, FrameType, fromHex } from "@tether/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidOptionError, SessionEngine } from "../src/internal.js";
import { bytes, makeEngine, TestClient } from "./harness.js";

describe("bad input", () => {
  it.each([
    ["garbage bytes", "ffffff"],
    ["a repeated tag", "010101 010101"],
    ["an unknown frame type", "010109"],
    ["a RESP from a client", "010102 0202e807 030101"],
    ["a PUSH from a client", "010103 0202e807"],
    ["a sealed frame on a plain connection", "010104 050104 0610 00000000000000000000000000000000"],
    ["a compressed frame without negotiated compression", "010101 050102 0202e807 030101 0602aabb"],
  ])("closes 4502 on %s and keeps serving everyone else", async (_, hex) => {
    const { engine } = makeEngine();
    engine.route(1000, () => bytes("ok"));
    const bystander = new TestClient(engine);
    await bystander.login("p:2");
    const c = new TestClient(engine);
    await c.login("p:1");
    c.sendRaw(fromHex(hex));
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
    expect(c.disconnectPush()).toMatchObject({ code: 4502, reconnect: false });
    expect((await bystander.request(1000)).payload).toEqual(bytes("ok"));
    expect((await new TestClient(engine).request(1000)).type).toBe(FrameType.RESP);
  });

  it("survives arbitrary bytes from many connections without throwing", () => {
    const { engine } = makeEngine();
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (messages) => {
        const c = new TestClient(engine);
        for (const m of messages) c.sendRaw(m);
      }),
      { numRuns: 500 },
    );
  });

  it("answers a ClientHello whose payload does not decode with BAD_REQUEST and closes 4502", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    c.sendRaw(fromHex("010101 020101 030101 0603 ffffff"));
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it("answers a Login whose payload does not decode with BAD_REQUEST", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    const r = await c.request(2, fromHex("ffffffff"));
    expect(r.flags & 1).toBe(1);
  });
});

describe("options", () => {
  it.each([
    ["maxInFlightReq", { maxInFlightReq: 0 }],
    ["sessionTtlMs", { sessionTtlMs: -1 }],
    ["maxFrameBytes", { maxFrameBytes: 1.5 }],
    ["signingKey", { signingKey: new Uint8Array(31) }],
    ["compression", { compression: [1] }],
    ["ciphers", { ciphers: [1] }],
    ["authenticator", { authenticator: {} }],
  ])("refuses a bad %s with a coded InvalidOptionError", (name, options) => {
    try {
      new SessionEngine(options as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidOptionError);
      expect((e as InvalidOptionError).code).toBe(ErrorCode.BAD_REQUEST);
      expect((e as InvalidOptionError).option).toBe(name);
    }
  });

  it("does not change the caller's options object", () => {
    const options = Object.freeze({ maxInFlightReq: 3 });
    const engine = new SessionEngine(options);
    engine.setLimits({ maxInFlightReq: 5 });
    expect(options.maxInFlightReq).toBe(3);
    expect(engine.limits.maxInFlightReq).toBe(5);
  });

  it("refuses an unknown or out-of-range runtime limit", () => {
    const { engine } = makeEngine();
    expect(() => engine.setLimits({ nope: 1 } as never)).toThrow(InvalidOptionError);
    expect(() => engine.setLimits({ maxBufferedPushCount: -5 })).toThrow(InvalidOptionError);
  });
});
