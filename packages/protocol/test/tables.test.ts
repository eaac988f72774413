import { describe, expect, it } from "vitest";
import {
  CloseCode,
  ErrorCode,
  errorCodeName,
  GAME_ERROR_CODE_MIN,
  isRetryableCode,
  isTetherError,
  shouldReconnect,
  TetherError,
} from "../src/index.js";

describe("the error table", () => {
  it("holds the codes of sessions.md §10", () => {
    expect(ErrorCode).toEqual({
      INVALID_FRAME: 1001,
      UNSUPPORTED_PROTOCOL: 1002,
      UNAUTHORIZED: 1003,
      NEED_LOGIN: 1004,
      BACKPRESSURE: 1005,
      SERVER_BUSY: 1006,
      SESSION_EXPIRED: 1007,
      REQUEST_TIMEOUT: 1008,
      NOT_FOUND: 1009,
      RATE_LIMITED: 1010,
      PAYLOAD_TOO_LARGE: 1011,
      BAD_REQUEST: 1012,
      SYNC_UNSUPPORTED: 1013,
      INTERNAL: 1014,
      SESSION_CONFLICT: 1015,
    });
    expect(GAME_ERROR_CODE_MIN).toBe(10000);
  });

  it("marks exactly BACKPRESSURE, SERVER_BUSY, REQUEST_TIMEOUT and RATE_LIMITED retryable", () => {
    const retryable = Object.values(ErrorCode).filter(isRetryableCode);
    expect(retryable).toEqual([1005, 1006, 1008, 1010]);
    expect(isRetryableCode(10001)).toBe(false);
  });

  it("names system codes and not game codes", () => {
    expect(errorCodeName(1015)).toBe("SESSION_CONFLICT");
    expect(errorCodeName(10001)).toBeUndefined();
  });
});

describe("TetherError", () => {
  it("carries code, retryable, detail and cause", () => {
    const cause = new Error("inner");
    const e = new TetherError(10001, "no gold", { retryable: true, detail: { item: "sword" }, cause });
    expect([e.code, e.retryable, e.detail, e.cause, e.name]).toEqual([
      10001,
      true,
      { item: "sword" },
      cause,
      "TetherError",
    ]);
  });

  it("defaults retryable to the table's rule", () => {
    expect(new TetherError(ErrorCode.RATE_LIMITED, "slow down").retryable).toBe(true);
    expect(new TetherError(ErrorCode.UNAUTHORIZED, "no").retryable).toBe(false);
  });
});

describe("isTetherError", () => {
  it("recognises the shape, not the class, so copies from another bundle match", () => {
    expect(isTetherError({ code: 1001, retryable: false, message: "x", detail: {} })).toBe(true);
    expect(isTetherError(new TetherError(1001, "x"))).toBe(true);
  });

  it.each([
    null,
    undefined,
    1,
    "TetherError",
    new Error("x"),
    { code: "1001", retryable: false, message: "", detail: {} },
  ])("rejects %s", (x) => {
    expect(isTetherError(x)).toBe(false);
  });
});

describe("the close codes", () => {
  it("hold the codes of sessions.md §11, and 1011 for an internal error", () => {
    expect(Object.values(CloseCode).sort()).toEqual([
      1006, 1009, 1011, 1012, 4000, 4001, 4002, 4003, 4500, 4501, 4502, 4503, 4504,
    ]);
  });

  it.each([1006, 1012, 4000, 4001, 4002, 4003, 4499])("reconnect after %d", (code) => {
    expect(shouldReconnect(code)).toBe(true);
  });

  it.each([1000, 1009, 1011, 4500, 4501, 4502, 4503, 4504, 4999])("do not reconnect after %d", (code) => {
    expect(shouldReconnect(code)).toBe(false);
  });
});
