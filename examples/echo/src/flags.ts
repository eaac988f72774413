/**
 * The conformance server's command line (conformance-server.md), parsed with node:util into
 * server options. A bad flag is reported on stderr and exits with code 2. The port is `--port`,
 * else the PORT environment variable (when `env` is given), else 8081.
 */
import { parseArgs } from "node:util";
import { type AeadAlgorithm, CipherAlgorithm, CompressionAlgorithm, fromHex } from "@tether/protocol";
import type { ServerOptions } from "@tether/server";

export class FlagError extends Error {}

const NUMBER_FLAGS = {
  port: "port",
  "compression-min-bytes": "compressionMinBytes",
  "push-window-count": "maxBufferedPushCount",
  "push-window-age-ms": "maxBufferedPushAgeMs",
  "push-window-bytes": "maxBufferedPushBytes",
  "session-ttl-ms": "sessionTtlMs",
  "heartbeat-interval-ms": "heartbeatIntervalMs",
  "heartbeat-timeout-ms": "heartbeatTimeoutMs",
  "auth-timeout-ms": "authTimeoutMs",
  "max-in-flight": "maxInFlightReq",
  "request-timeout-ms": "requestTimeoutMs",
  "max-frame-bytes": "maxFrameBytes",
  rate: "messageRatePerSec",
  burst: "messageBurst",
  "max-outbound-bytes": "maxOutboundBytes",
} as const satisfies Record<string, keyof ServerOptions>;

const CIPHERS: Record<string, AeadAlgorithm> = {
  "chacha20-poly1305": CipherAlgorithm.CIPHER_CHACHA20_POLY1305,
  "aes-256-gcm": CipherAlgorithm.CIPHER_AES_256_GCM,
};

/** Cluster mode (conformance-server.md): present when --redis is given. */
export interface ClusterFlags {
  readonly url: string;
  readonly namespace: string;
  readonly nodeId: string | undefined;
  readonly durability: "memory" | "log";
}

export interface EchoFlags {
  readonly server: Partial<ServerOptions>;
  readonly snapshots: boolean;
  readonly cluster: ClusterFlags | undefined;
}

/** The environment variables the command line falls back to; main passes process.env. */
export interface EchoEnv {
  readonly PORT?: string | undefined;
}

export function parseFlags(argv: readonly string[], env: EchoEnv = {}): EchoFlags {
  const options: Record<string, { type: "string" | "boolean" }> = {
    host: { type: "string" },
    compression: { type: "string" },
    ciphers: { type: "string" },
    "require-encryption": { type: "boolean" },
    "signing-key": { type: "string" },
    "require-hello": { type: "boolean" },
    "no-snapshots": { type: "boolean" },
    compat: { type: "string" },
    redis: { type: "string" },
    namespace: { type: "string" },
    "node-id": { type: "string" },
    durability: { type: "string" },
  };
  for (const name of Object.keys(NUMBER_FLAGS)) options[name] = { type: "string" };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new FlagError((e as Error).message);
  }
  const server: Record<string, unknown> = {};
  for (const [flag, option] of Object.entries(NUMBER_FLAGS)) {
    const v = values[flag];
    if (v === undefined) continue;
    if (typeof v !== "string" || !/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
      throw new FlagError(`--${flag} needs a non-negative integer, got ${String(v)}`);
    }
    server[option] = Number(v);
  }
  if (server.port === undefined && env.PORT !== undefined && env.PORT !== "") {
    if (!/^\d+$/.test(env.PORT) || Number(env.PORT) > 65535) {
      throw new FlagError(`PORT needs 0..65535, got ${env.PORT}`);
    }
    server.port = Number(env.PORT);
  }
  if (typeof values.host === "string") server.host = values.host;
  if (values.compression !== undefined) {
    if (values.compression === "gzip") server.compression = [CompressionAlgorithm.COMPRESSION_GZIP];
    else if (values.compression === "none") server.compression = [];
    else throw new FlagError(`--compression takes gzip or none, got ${String(values.compression)}`);
  }
  if (typeof values.ciphers === "string") {
    if (values.ciphers === "none") server.ciphers = [];
    else {
      server.ciphers = values.ciphers.split(",").map((name) => {
        const c = CIPHERS[name.trim()];
        if (c === undefined) throw new FlagError(`--ciphers: unknown cipher ${name}`);
        return c;
      });
    }
  }
  if (values.compat !== undefined) {
    if (values.compat !== "civgenesis") throw new FlagError(`--compat takes civgenesis, got ${String(values.compat)}`);
    server.compat = "civgenesis";
  }
  if (values["require-encryption"] === true) server.requireEncryption = true;
  if (values["require-hello"] === true) server.requireHello = true;
  if (typeof values["signing-key"] === "string") {
    let key: Uint8Array;
    try {
      key = fromHex(values["signing-key"]);
    } catch {
      throw new FlagError("--signing-key needs 64 hex digits");
    }
    if (key.length !== 32) throw new FlagError("--signing-key needs 64 hex digits (a 32-byte Ed25519 seed)");
    server.signingKey = key;
  }
  return {
    server: server as Partial<ServerOptions>,
    snapshots: values["no-snapshots"] !== true,
    cluster: clusterFlags(values),
  };
}

function clusterFlags(values: Record<string, string | boolean | undefined>): ClusterFlags | undefined {
  const { redis, namespace, durability } = values;
  const nodeId = values["node-id"];
  if (redis === undefined) {
    for (const f of ["namespace", "node-id", "durability"]) {
      if (values[f] !== undefined) throw new FlagError(`--${f} needs --redis`);
    }
    return undefined;
  }
  if (typeof redis !== "string" || !/^rediss?:\/\//.test(redis)) throw new FlagError("--redis needs a redis:// URL");
  if (durability !== undefined && durability !== "memory" && durability !== "log") {
    throw new FlagError(`--durability takes memory or log, got ${String(durability)}`);
  }
  return {
    url: redis,
    namespace: typeof namespace === "string" ? namespace : "tether",
    nodeId: typeof nodeId === "string" ? nodeId : undefined,
    durability: durability ?? "memory",
  };
}
