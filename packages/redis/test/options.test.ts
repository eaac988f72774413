import { ErrorCode } from "@tether/protocol";
import { createServer } from "@tether/server";
import { InvalidOptionError } from "@tether/system";
import { describe, expect, it } from "vitest";
import { redisCluster } from "../src/index.js";

function refusal(make: () => unknown): InvalidOptionError {
  try {
    make();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidOptionError);
    return e as InvalidOptionError;
  }
  throw new Error("accepted");
}

describe("redisCluster options", () => {
  it.each([
    ["url", { url: "http://127.0.0.1:6379" }],
    ["client", { client: {} }],
    ["namespace", { namespace: "" }],
    ["namespace", { namespace: "has space" }],
    ["nodeId", { nodeId: "x".repeat(65) }],
    ["nodeTtlMs", { nodeTtlMs: 10 }],
    ["handoffTimeoutMs", { handoffTimeoutMs: 0 }],
    ["commandTimeoutMs", { commandTimeoutMs: 1.5 }],
    ["durability", { durability: "disk" }],
  ])("refuses a bad %s with a coded InvalidOptionError, before connecting to anything", (name, options) => {
    const e = refusal(() => redisCluster(options as never));
    expect(e.code).toBe(ErrorCode.BAD_REQUEST);
    expect(e.option).toBe(name);
  });

  it("takes documented defaults", () => {
    const o = redisCluster().options;
    expect(o).toMatchObject({
      url: "redis://127.0.0.1:6379",
      namespace: "tether",
      durability: "memory",
      nodeTtlMs: 10_000,
      handoffTimeoutMs: 2000,
      commandTimeoutMs: 2000,
    });
    expect(o.nodeId).toMatch(/^[0-9a-f]{12}$/);
  });

  it("createServer refuses a cluster option that is not a Cluster", () => {
    for (const cluster of [{}, 1, { start: () => {} }]) {
      expect(refusal(() => createServer({ port: 0, cluster: cluster as never })).option).toBe("cluster");
    }
  });
});
