/**
 * ClientHello negotiation (protocol.md §4–5, sessions.md §3): picks compression and cipher by
 * the server's allow-lists, runs the key exchange, and yields the ClientHelloResp and the
 * connection's codec (compression, seal keys and counters).
 */
import {
  type AeadAlgorithm,
  CipherAlgorithm,
  ClientHelloReq,
  ClientHelloResp,
  CompressionAlgorithm,
  ConnectionCodec,
  createSealPair,
  ErrorCode,
  KEY_SHARE_BYTES,
  MIN_MAX_FRAME_BYTES,
  NONCE_BYTES,
  PROTOCOL_VERSION,
  plainCodec,
  serverKeyExchange,
  TetherError,
} from "@tether/protocol";
import type { SessionLimits, SessionOptions } from "./options.js";

export interface HelloOutcome {
  readonly response: ClientHelloResp;
  readonly codec: ConnectionCodec;
  readonly compression: CompressionAlgorithm;
  readonly cipher: CipherAlgorithm;
  readonly maxFrameBytes: number;
}

export interface HelloContext {
  readonly options: SessionOptions;
  /** The limits in force now (they may have changed since start). */
  readonly limits: SessionLimits;
  readonly serverEpoch: string;
  /** The connection arrived over TLS (or a trusted proxy says so). */
  readonly secure: boolean;
  /** The heartbeat interval to announce (the one in force now). */
  readonly heartbeatIntervalMs: number;
}

function unsupported(message: string): TetherError {
  return new TetherError(ErrorCode.UNSUPPORTED_PROTOCOL, message);
}

function chooseCipher(ctx: HelloContext, hello: ClientHelloReq): CipherAlgorithm {
  const offered = new Set(hello.supportedCiphers ?? []);
  if (ctx.secure && offered.has(CipherAlgorithm.CIPHER_TLS)) return CipherAlgorithm.CIPHER_TLS;
  const keyed = hello.clientKeyShare?.length === KEY_SHARE_BYTES && hello.clientNonce?.length === NONCE_BYTES;
  if (keyed) {
    for (const c of ctx.options.ciphers) if (offered.has(c)) return c;
  }
  return CipherAlgorithm.CIPHER_NONE;
}

/**
 * Negotiates one ClientHello. `helloBytes` is the REQ payload exactly as received (it enters
 * the transcript hash). Throws BAD_REQUEST when it does not decode and UNSUPPORTED_PROTOCOL when
 * nothing can be agreed; both end the connection with 4502.
 */
export function negotiateHello(ctx: HelloContext, helloBytes: Uint8Array): HelloOutcome {
  const o = ctx.options;
  const limits = ctx.limits;
  let hello: ClientHelloReq;
  try {
    hello = ClientHelloReq.decode(helloBytes);
  } catch (e) {
    throw new TetherError(ErrorCode.BAD_REQUEST, "ClientHello does not decode", { cause: e });
  }
  const version = hello.protocolVersion ?? 0;
  if (version !== 0 && version !== PROTOCOL_VERSION) {
    throw unsupported(`protocol version ${version} is not supported (this server speaks ${PROTOCOL_VERSION})`);
  }

  const offeredCompressions = new Set(hello.supportedCompressions ?? []);
  const compression = o.compression.find((c) => offeredCompressions.has(c)) ?? CompressionAlgorithm.COMPRESSION_NONE;

  const cipher = chooseCipher(ctx, hello);
  const sealed = cipher !== CipherAlgorithm.CIPHER_NONE;
  if (!sealed && (hello.requireEncrypt === true || (o.requireEncryption && !ctx.secure))) {
    throw unsupported("encryption is required but no cipher could be agreed");
  }

  const clientMax = hello.maxFrameBytes ?? 0;
  if (clientMax > 0 && clientMax < MIN_MAX_FRAME_BYTES) {
    throw unsupported(`max_frame_bytes ${clientMax} is below the minimum of ${MIN_MAX_FRAME_BYTES}`);
  }
  const maxFrameBytes = clientMax > 0 ? Math.min(clientMax, limits.maxFrameBytes) : limits.maxFrameBytes;

  let serverKeyShare: Uint8Array = new Uint8Array(0);
  let serverNonce: Uint8Array = new Uint8Array(0);
  let serverSignature: Uint8Array = new Uint8Array(0);
  let seal: ReturnType<typeof createSealPair> | undefined;
  if (cipher === CipherAlgorithm.CIPHER_CHACHA20_POLY1305 || cipher === CipherAlgorithm.CIPHER_AES_256_GCM) {
    const aead: AeadAlgorithm = cipher;
    const kx = serverKeyExchange(o.crypto, {
      helloBytes,
      clientKeyShare: hello.clientKeyShare,
      clientNonce: hello.clientNonce,
      cipher: aead,
      signingSeed: o.signingKey,
    });
    serverKeyShare = kx.serverKeyShare;
    serverNonce = kx.serverNonce;
    serverSignature = kx.signature;
    seal = createSealPair(o.crypto, aead, kx.keys, "server");
  }

  const response = ClientHelloResp.create({
    protocolVersion: PROTOCOL_VERSION,
    selectedCompression: compression,
    selectedCipher: cipher,
    maxFrameBytes,
    maxInFlightReq: limits.maxInFlightReq,
    maxBufferedPushCount: limits.maxBufferedPushCount,
    maxBufferedPushAgeMillis: limits.maxBufferedPushAgeMs,
    serverKeyShare,
    serverNonce,
    serverEpoch: ctx.serverEpoch,
    serverSignature,
    heartbeatIntervalMillis: ctx.heartbeatIntervalMs,
    compressionMinBytes: o.compressionMinBytes,
  });
  const compressor = compression === CompressionAlgorithm.COMPRESSION_GZIP ? o.compressor : undefined;
  // Neither sealed nor compressed, a codec holds no state: the shared plain one serves.
  const codec =
    seal === undefined && compressor === undefined
      ? plainCodec(maxFrameBytes)
      : new ConnectionCodec({ compressor, compressionMinBytes: o.compressionMinBytes, maxFrameBytes, seal });
  return { response, codec, compression, cipher, maxFrameBytes };
}
