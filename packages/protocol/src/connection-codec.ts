/**
 * The per-connection codec both sides use after the ClientHello exchange: on send, compress
 * (when negotiated, allowed and worth it) then seal (when an AEAD was selected); on receive,
 * open then inflate. Server and client share it, so the order of operations lives in one place.
 */
import { maybeCompress, type PayloadCompressor, safeDecompress } from "./compression.js";
import { FrameRule, invalidFrame } from "./errors.js";
import { encodeFrame, type Frame, type FrameInit } from "./frame.js";
import { decodeFrame } from "./frame-reader.js";
import { FrameFlag, hasFlag, withFlag, withoutFlag } from "./frame-types.js";
import type { SealPair } from "./seal.js";

export interface ConnectionCodecOptions {
  /** The negotiated compressor, or undefined for none. */
  readonly compressor?: PayloadCompressor | undefined;
  /** Payloads shorter than this are sent as they are. */
  readonly compressionMinBytes: number;
  /** Inflated payloads may not exceed this. */
  readonly maxFrameBytes: number;
  /** Set when an AEAD cipher was selected: every frame after the hello is sealed. */
  readonly seal?: SealPair | undefined;
}

/** An outgoing frame, with whether its payload may be compressed (default true). */
export type OutgoingFrame = FrameInit & { readonly compress?: boolean };

export class ConnectionCodec {
  constructor(private readonly options: ConnectionCodecOptions) {}

  get sealed(): boolean {
    return this.options.seal !== undefined;
  }

  get compression(): boolean {
    return this.options.compressor !== undefined;
  }

  /**
   * Compresses `payload` for this connection when allowed and worth it. Callers that send one
   * payload to many connections compress once and pass the result with `precompressed`.
   */
  compress(payload: Uint8Array): Uint8Array | undefined {
    const c = this.options.compressor;
    return c === undefined ? undefined : maybeCompress(c, payload, this.options.compressionMinBytes);
  }

  /** Encodes one frame: compress (maybe), then seal (when sealed). */
  encode(frame: OutgoingFrame, precompressed?: Uint8Array): Uint8Array {
    const { compress, ...init } = frame;
    let out: FrameInit = init;
    if (init.payload !== undefined && init.payload.length > 0 && compress !== false && this.options.compressor) {
      const packed = precompressed ?? this.compress(init.payload);
      if (packed !== undefined) {
        out = { ...init, payload: packed, flags: withFlag(init.flags ?? 0, FrameFlag.COMPRESS) };
      }
    }
    return this.options.seal ? this.options.seal.sealer.seal(out) : encodeFrame(out);
  }

  /**
   * Decodes one received message: open (when sealed), then inflate. The returned frame has the
   * plain payload; COMPRESS and ENCRYPT are cleared from its flags.
   */
  decode(bytes: Uint8Array): Frame {
    let frame: Frame;
    if (this.options.seal) {
      frame = this.options.seal.opener.open(bytes);
    } else {
      frame = decodeFrame(bytes);
      if (hasFlag(frame.flags, FrameFlag.ENCRYPT)) {
        throw invalidFrame(FrameRule.NOT_SEALED, "a sealed frame arrived but no cipher was agreed");
      }
    }
    let flags = withoutFlag(frame.flags, FrameFlag.ENCRYPT);
    let payload = frame.payload;
    if (hasFlag(flags, FrameFlag.COMPRESS)) {
      const c = this.options.compressor;
      if (c === undefined)
        throw invalidFrame(
          FrameRule.COMPRESSION_NOT_AGREED,
          "a compressed frame arrived but no compression was agreed",
          frame,
        );
      payload = safeDecompress(c, payload, this.options.maxFrameBytes);
      flags = withoutFlag(flags, FrameFlag.COMPRESS);
    }
    return flags === frame.flags && payload === frame.payload ? frame : { ...frame, flags, payload };
  }
}

/** The codec of a connection before (or without) a ClientHello: plain frames, no compression. */
export function plainCodec(maxFrameBytes: number): ConnectionCodec {
  // Stateless: connections with the same limit share one (a few limits are kept).
  let codec = plainCodecs.get(maxFrameBytes);
  if (codec === undefined) {
    codec = new ConnectionCodec({ compressionMinBytes: Number.POSITIVE_INFINITY, maxFrameBytes });
    if (plainCodecs.size < 16) plainCodecs.set(maxFrameBytes, codec);
  }
  return codec;
}
const plainCodecs = new Map<number, ConnectionCodec>();
