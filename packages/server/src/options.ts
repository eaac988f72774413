/**
 * Options of the WebSocket server: the session layer's options plus the transport's. Every field
 * is documented with its unit and default; callers pass a Partial, never mutated.
 */
import type { Server as HttpServer } from "node:http";
import { nodeCrypto, nodeGzip } from "@tether/protocol/node";
import {
  type Cluster,
  checkIntegerOption,
  InvalidOptionError,
  resolveOptions,
  type SessionLimits,
  type SessionOptions,
} from "@tether/system/internal";
import type { TopicLimits } from "./topics.js";

/** What an `onConnectionOpen` hook learns about an upgrade request. */
export interface UpgradeInfo {
  readonly connId: string;
  /** The peer: the socket's address, or behind a trusted proxy the last X-Forwarded-For entry. */
  readonly remoteAddress: string;
  /** The address of the TCP peer (the proxy, when there is one). */
  readonly socketAddress: string;
  /** X-Forwarded-For entries, when the proxy is trusted. */
  readonly forwardedFor: readonly string[];
  readonly secure: boolean;
  readonly origin: string | undefined;
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Refuse an upgrade with an HTTP status and a reason. */
export interface UpgradeRefusal {
  readonly status: number;
  readonly reason: string;
}

/** What onConnectionOpen returns: a refusal, or nothing to accept. */
// biome-ignore lint/suspicious/noConfusingVoidType: `void` lets hooks that return nothing type-check.
export type UpgradeDecision = UpgradeRefusal | undefined | void;

/** Every limit of sessions.md §9, readable and changeable at runtime. */
export type ServerLimits = SessionLimits & TransportLimits;

export interface TransportLimits extends TopicLimits {
  /** Open connections allowed; more are refused with HTTP 503. Default 100 000. */
  maxConnections: number;
  /** New connections per second (token bucket); more are refused with HTTP 503. Default 1000. */
  connectionRatePerSec: number;
  /** Burst of new connections. Default 1000. */
  connectionBurst: number;
  /** Messages per second per connection; over it a REQ gets RATE_LIMITED. Default 200. */
  messageRatePerSec: number;
  /** Burst of messages per connection. Default 400. */
  messageBurst: number;
  /**
   * Sustained rate abuse: more than this many messages refused (over the rate) within
   * rateAbuseWindowMs closes the connection with 4002. A leaky counter: each refusal adds one,
   * and it drains rateAbuseLimit per rateAbuseWindowMs. Default 400.
   */
  rateAbuseLimit: number;
  /** The window of rateAbuseLimit. Default 10 000 ms. */
  rateAbuseWindowMs: number;
  /**
   * Bytes queued to one connection (frames of this turn plus the socket's buffer), checked
   * before each write: a frame that would pass it closes the connection with 4001 at once
   * (the client reconnects and resumes). Default 4 MiB.
   */
  maxOutboundBytes: number;
  /**
   * Time a TCP connection has to complete its WebSocket upgrade (request headers included)
   * before it is cut. Default 10 000 ms. Only for the server's own HTTP server.
   */
  handshakeTimeoutMs: number;
  /**
   * TCP connections that have not upgraded yet, at most; a new one past it cuts the oldest
   * (slow handshakes lose their place, fresh ones get through). Default 1000. Only for the
   * server's own HTTP server.
   */
  maxPendingHandshakes: number;
  /** Silence after which the server pings. Default 25 000 ms. */
  heartbeatIntervalMs: number;
  /** Time to answer that ping before close 4000. Default 10 000 ms. */
  heartbeatTimeoutMs: number;
  /** Time to authenticate before close 4003. Default 15 000 ms. */
  authTimeoutMs: number;
}

export interface ServerOptions extends SessionOptions, TransportLimits {
  /** Listen address when the server makes its own HTTP server. Default "127.0.0.1". */
  host: string;
  /** Listen port; 0 picks a free one. Default 8081. */
  port: number;
  /**
   * The listen queue: connections the kernel holds until the server accepts them. A reconnect
   * storm (every player of a restarted node at once) overflows a short queue, and each SYN the
   * kernel drops is retried by the client only after 1 s, 3 s, 7 s. Default 4096; the kernel caps
   * it at net.core.somaxconn. Used only when the server makes its own HTTP server.
   */
  backlog: number;
  /** Attach to this HTTP(S) server instead of making one. */
  server: HttpServer | undefined;
  /** The WebSocket path, matched exactly. Default "/ws". */
  path: string;
  /** Allowed Origin header values; undefined allows any (native clients send none). */
  allowedOrigins: readonly string[] | undefined;
  /** Where the own HTTP server answers Prometheus scrapes; false = nowhere. Default "/metrics". */
  metricsPath: string | false;
  /**
   * Where the own HTTP server answers a load balancer's health check: 200 while the server takes
   * connections, 503 from the moment `close()` starts draining. false = nowhere. Default "/healthz".
   */
  healthPath: string | false;
  /** Trust X-Forwarded-Proto / X-Forwarded-For from a proxy in front. Default false. */
  trustProxy: boolean;
  /**
   * Several nodes sharing sessions (cluster.md): `redisCluster(...)` from @tether/redis. Default
   * undefined: this node alone, in memory, no external service.
   */
  cluster: Cluster | undefined;
  /** May refuse an upgrade: return an UpgradeRefusal. Runs before the WebSocket is accepted. */
  onConnectionOpen: ((info: UpgradeInfo) => UpgradeDecision | Promise<UpgradeDecision>) | undefined;
}

export const TRANSPORT_DEFAULTS: Readonly<TransportLimits> = Object.freeze({
  maxConnections: 100_000,
  connectionRatePerSec: 1000,
  connectionBurst: 1000,
  messageRatePerSec: 200,
  messageBurst: 400,
  rateAbuseLimit: 400,
  rateAbuseWindowMs: 10_000,
  maxOutboundBytes: 4 * 1024 * 1024,
  handshakeTimeoutMs: 10_000,
  maxPendingHandshakes: 1000,
  maxTopicNameBytes: 256,
  maxTopicsPerSession: 128,
  maxTopics: 100_000,
  heartbeatIntervalMs: 25_000,
  heartbeatTimeoutMs: 10_000,
  authTimeoutMs: 15_000,
});

const TRANSPORT_RULES: Record<keyof TransportLimits, { min: number; max: number }> = {
  maxConnections: { min: 1, max: 10_000_000 },
  connectionRatePerSec: { min: 1, max: 10_000_000 },
  connectionBurst: { min: 1, max: 10_000_000 },
  messageRatePerSec: { min: 1, max: 10_000_000 },
  messageBurst: { min: 1, max: 10_000_000 },
  rateAbuseLimit: { min: 1, max: 10_000_000 },
  rateAbuseWindowMs: { min: 1, max: 2 ** 31 - 1 },
  maxOutboundBytes: { min: 1024, max: 2 ** 40 },
  handshakeTimeoutMs: { min: 10, max: 2 ** 31 - 1 },
  maxPendingHandshakes: { min: 1, max: 10_000_000 },
  maxTopicNameBytes: { min: 1, max: 65_536 },
  maxTopicsPerSession: { min: 0, max: 1_000_000 },
  maxTopics: { min: 0, max: 100_000_000 },
  heartbeatIntervalMs: { min: 10, max: 2 ** 31 - 1 },
  heartbeatTimeoutMs: { min: 10, max: 2 ** 31 - 1 },
  authTimeoutMs: { min: 10, max: 2 ** 31 - 1 },
};

export const TRANSPORT_LIMIT_NAMES = Object.keys(TRANSPORT_RULES) as (keyof TransportLimits)[];

/** Checks a patch of transport limits; returns a clean copy holding only those. */
export function checkTransportLimits(patch: Readonly<Record<string, unknown>>): Partial<TransportLimits> {
  const out: Partial<TransportLimits> = {};
  for (const name of TRANSPORT_LIMIT_NAMES) {
    const value = patch[name];
    if (value === undefined) continue;
    out[name] = checkIntegerOption(name, value, TRANSPORT_RULES[name]);
  }
  return out;
}

export function resolveServerOptions(partial: Partial<ServerOptions> = {}): ServerOptions {
  if (typeof partial !== "object" || partial === null) throw new InvalidOptionError("options", "must be an object");
  const {
    host = "127.0.0.1",
    port = 8081,
    backlog = 4096,
    server,
    path = "/ws",
    allowedOrigins,
    trustProxy = false,
    onConnectionOpen,
    metricsPath = "/metrics",
    healthPath = "/healthz",
    cluster,
    ...rest
  } = partial;
  const transport: TransportLimits = {
    ...TRANSPORT_DEFAULTS,
    ...checkTransportLimits(rest as Record<string, unknown>),
  };
  // On Node the server seals with node:crypto and compresses with node:zlib (measured faster,
  // docs/benchmarks.md); both produce bytes the browser paths accept.
  const session = resolveOptions({
    crypto: nodeCrypto,
    compressor: nodeGzip,
    ...rest,
    heartbeatIntervalMs: transport.heartbeatIntervalMs,
  });
  if (typeof host !== "string" || host.length === 0) throw new InvalidOptionError("host", "must be a non-empty string");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidOptionError("port", "must be 0..65535");
  if (!Number.isInteger(backlog) || backlog < 1) throw new InvalidOptionError("backlog", "must be a positive integer");
  if (typeof path !== "string" || !path.startsWith("/")) throw new InvalidOptionError("path", 'must start with "/"');
  if (
    allowedOrigins !== undefined &&
    (!Array.isArray(allowedOrigins) || !allowedOrigins.every((o) => typeof o === "string"))
  ) {
    throw new InvalidOptionError("allowedOrigins", "must be an array of strings");
  }
  if (
    metricsPath !== false &&
    (typeof metricsPath !== "string" || !metricsPath.startsWith("/") || metricsPath === path)
  ) {
    throw new InvalidOptionError("metricsPath", 'must start with "/" and differ from path, or be false');
  }
  if (
    healthPath !== false &&
    (typeof healthPath !== "string" || !healthPath.startsWith("/") || healthPath === path || healthPath === metricsPath)
  ) {
    throw new InvalidOptionError("healthPath", 'must start with "/" and differ from path and metricsPath, or be false');
  }
  if (
    cluster !== undefined &&
    (typeof cluster !== "object" ||
      cluster === null ||
      !(["start", "stop", "claimLogin", "takeOver", "attached", "detached", "ended"] as const).every(
        (m) => typeof cluster[m] === "function",
      ))
  ) {
    throw new InvalidOptionError("cluster", "must be a Cluster (for example redisCluster() of @tether/redis)");
  }
  if (onConnectionOpen !== undefined && typeof onConnectionOpen !== "function") {
    throw new InvalidOptionError("onConnectionOpen", "must be a function");
  }
  return {
    ...session,
    ...transport,
    host,
    port,
    backlog,
    server,
    path,
    allowedOrigins: allowedOrigins === undefined ? undefined : [...allowedOrigins],
    trustProxy: trustProxy === true,
    onConnectionOpen,
    metricsPath,
    healthPath,
    cluster,
  };
}
