import { CipherAlgorithm, CompressionAlgorithm } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { FlagError, parseFlags } from "../src/flags.js";

describe("the conformance server's flags", () => {
  it("maps every flag to its option", () => {
    const f = parseFlags(
      "--host 0.0.0.0 --port 0 --compression none --compression-min-bytes 10 --ciphers aes-256-gcm,chacha20-poly1305 --require-encryption --require-hello --push-window-count 1 --push-window-age-ms 2 --push-window-bytes 3 --session-ttl-ms 4 --heartbeat-interval-ms 50 --heartbeat-timeout-ms 60 --auth-timeout-ms 70 --max-in-flight 8 --request-timeout-ms 9 --max-frame-bytes 1100 --rate 11 --burst 12 --max-outbound-bytes 13000 --no-snapshots".split(
        " ",
      ),
    );
    expect(f.snapshots).toBe(false);
    expect(f.server).toMatchObject({
      host: "0.0.0.0",
      port: 0,
      compression: [],
      compressionMinBytes: 10,
      ciphers: [CipherAlgorithm.CIPHER_AES_256_GCM, CipherAlgorithm.CIPHER_CHACHA20_POLY1305],
      requireEncryption: true,
      requireHello: true,
      maxBufferedPushCount: 1,
      maxBufferedPushAgeMs: 2,
      maxBufferedPushBytes: 3,
      sessionTtlMs: 4,
      heartbeatIntervalMs: 50,
      heartbeatTimeoutMs: 60,
      authTimeoutMs: 70,
      maxInFlightReq: 8,
      requestTimeoutMs: 9,
      maxFrameBytes: 1100,
      messageRatePerSec: 11,
      messageBurst: 12,
      maxOutboundBytes: 13000,
    });
    expect(parseFlags(["--compression", "gzip"]).server.compression).toEqual([CompressionAlgorithm.COMPRESSION_GZIP]);
    expect(parseFlags(["--ciphers", "none"]).server.ciphers).toEqual([]);
    expect(parseFlags(["--signing-key", "11".repeat(32)]).server.signingKey?.length).toBe(32);
  });

  it("takes the cluster flags: one node in memory without --redis, cluster mode with it", () => {
    expect(parseFlags([]).cluster).toBeUndefined();
    expect(
      parseFlags("--redis redis://127.0.0.1:6379 --namespace ns1 --node-id n1 --durability memory".split(" ")).cluster,
    ).toEqual({ url: "redis://127.0.0.1:6379", namespace: "ns1", nodeId: "n1", durability: "memory" });
    expect(parseFlags(["--redis", "redis://r:6379", "--durability", "log"]).cluster?.durability).toBe("log");
    expect(parseFlags(["--redis", "redis://r:6379"]).cluster).toEqual({
      url: "redis://r:6379",
      namespace: "tether",
      nodeId: undefined,
      durability: "memory",
    });
  });

  it.each([
    [["--namespace", "x"], "--namespace needs --redis"],
    [["--node-id", "x"], "--node-id needs --redis"],
    [["--redis", "http://x"], "--redis needs a redis:// URL"],
    [["--redis", "redis://x", "--durability", "disk"], "--durability takes memory or log"],
  ])("refuses cluster flags %j", (argv, message) => {
    expect(() => parseFlags(argv)).toThrow(FlagError);
    expect(() => parseFlags(argv)).toThrow(message);
  });

  it.each([
    ["--port", "-1"],
    ["--port", "abc"],
    ["--compression", "zstd"],
    ["--ciphers", "rot13"],
    ["--signing-key", "abcd"],
    ["--signing-key", "zz".repeat(32)],
    ["--unknown-flag"],
  ])("refuses %s %s with a FlagError", (...args) => {
    expect(() => parseFlags(args.filter((a): a is string => a !== undefined))).toThrow(FlagError);
  });

  it("takes the port from PORT when --port is absent, and --port first", () => {
    expect(parseFlags([]).server.port).toBeUndefined(); // the server's default, 8081
    expect(parseFlags([], { PORT: "9000" }).server.port).toBe(9000);
    expect(parseFlags([], { PORT: "" }).server.port).toBeUndefined();
    expect(parseFlags(["--port", "0"], { PORT: "9000" }).server.port).toBe(0);
    for (const PORT of ["http", "-1", "65536", "80.5"]) expect(() => parseFlags([], { PORT })).toThrow(FlagError);
  });
});
