/**
 * Upgrade admission (sessions.md §9, gateway.md ConnOpen): path, draining, origin, capacity,
 * connection rate and the game's onConnectionOpen hook, in that order. A refused upgrade is
 * answered with an HTTP status and counted by reason; an admitted one yields its UpgradeInfo.
 */
import { type IncomingMessage, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { ServerCounters } from "./counters.js";
import type { ServerOptions, TransportLimits, UpgradeInfo } from "./options.js";
import { TokenBucket } from "./token-bucket.js";

export function refuse(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

interface RequestTarget {
  readonly pathname: string;
  /** With its "?", or empty. */
  readonly search: string;
}

/**
 * The path and query of an upgrade's request target. The usual origin-form ("/ws?x=1") is split
 * by hand (a URL object per connection costs more than the rest of admission); any other form
 * (absolute, through a proxy) is parsed by URL, which also resolves dot segments.
 */
function requestTarget(url: string): RequestTarget {
  if (url.startsWith("/") && !url.includes("/.") && !url.includes("#")) {
    const q = url.indexOf("?");
    return q < 0 ? { pathname: url, search: "" } : { pathname: url.slice(0, q), search: url.slice(q) };
  }
  try {
    const u = new URL(url, "http://localhost");
    return { pathname: u.pathname, search: u.search };
  } catch {
    return { pathname: "", search: "" };
  }
}

/** What admission reads from the server around it. */
export interface AdmissionHost {
  readonly options: ServerOptions;
  readonly limits: Readonly<TransportLimits>;
  readonly counters: ServerCounters;
  /** The server answers plain HTTP itself (it owns the HTTP server). */
  readonly ownsHttp: boolean;
  readonly draining: boolean;
  readonly connectionCount: number;
  newConnId(): string;
}

export class UpgradeAdmission {
  private readonly bucket: TokenBucket;

  constructor(private readonly host: AdmissionHost) {
    this.bucket = new TokenBucket(
      host.limits.connectionRatePerSec,
      host.limits.connectionBurst,
      host.options.clock.now(),
    );
  }

  /** The connection rate changed at runtime. */
  configure(): void {
    this.bucket.configure(this.host.limits.connectionRatePerSec, this.host.limits.connectionBurst);
  }

  /** Checks an upgrade request; undefined when it was refused (and answered) or is not ours. */
  async admit(req: IncomingMessage, socket: Duplex): Promise<UpgradeInfo | undefined> {
    const { options: o, counters, limits } = this.host;
    const url = requestTarget(req.url ?? "/");
    if (url.pathname !== o.path) {
      if (this.host.ownsHttp) refuse(socket, 404, "not found");
      return undefined; // attached: another upgrade handler may own this path
    }
    if (this.host.draining) {
      counters.refusedDraining++;
      refuse(socket, 503, "server shutting down");
      return undefined;
    }
    const origin = req.headers.origin;
    if (o.allowedOrigins !== undefined && (origin === undefined || !o.allowedOrigins.includes(origin))) {
      counters.refusedOrigin++;
      refuse(socket, 403, "origin not allowed");
      return undefined;
    }
    if (this.host.connectionCount >= limits.maxConnections) {
      counters.refusedCapacity++;
      refuse(socket, 503, "too many connections");
      return undefined;
    }
    if (!this.bucket.take(this.host.options.clock.now())) {
      counters.refusedRate++;
      refuse(socket, 503, "connection rate exceeded");
      return undefined;
    }
    const info = this.info(req, url, origin);
    if (o.onConnectionOpen) {
      try {
        const refusal = await o.onConnectionOpen(info);
        if (refusal) {
          counters.refusedByHook++;
          refuse(socket, refusal.status >= 400 && refusal.status <= 599 ? refusal.status : 403, refusal.reason);
          return undefined;
        }
      } catch (e) {
        o.logger.error("onConnectionOpen threw", { error: String(e) });
        counters.refusedByHook++;
        refuse(socket, 500, "connection refused");
        return undefined;
      }
      if (socket.destroyed) return undefined;
    }
    return info;
  }

  private info(req: IncomingMessage, url: RequestTarget, origin: string | undefined): UpgradeInfo {
    const o = this.host.options;
    const forwardedFor =
      o.trustProxy && typeof req.headers["x-forwarded-for"] === "string"
        ? req.headers["x-forwarded-for"].split(",").map((s) => s.trim())
        : [];
    const tls = (req.socket as { encrypted?: boolean }).encrypted === true;
    const socketAddress = req.socket.remoteAddress ?? "";
    return {
      connId: this.host.newConnId(),
      // Behind a trusted proxy, the last X-Forwarded-For entry is the one the proxy appended.
      remoteAddress: forwardedFor[forwardedFor.length - 1] ?? socketAddress,
      socketAddress,
      forwardedFor,
      secure: tls || (o.trustProxy && req.headers["x-forwarded-proto"] === "https"),
      origin,
      query: url.search.replace(/^\?/, ""),
      headers: headerMap(req),
    };
  }
}
