/**
 * @tether/protocol: the wire protocol shared by the Tether server and client.
 * Browser-safe: nothing here imports from Node. Node fast paths: `@tether/protocol/node`.
 */
import "./protobuf-runtime.js";

export { allocBytes, BytePool } from "./byte-pool.js";
export { concatBytes, fromHex, toHex, utf8 } from "./bytes.js";
export { CloseCode, type CloseCodeName, shouldReconnect } from "./close-codes.js";
export {
  CompressionAlgorithm,
  DEFAULT_COMPRESSION_MIN_BYTES,
  fflateGzip,
  maybeCompress,
  type PayloadCompressor,
  safeDecompress,
} from "./compression.js";
export {
  ConnectionCodec,
  type ConnectionCodecOptions,
  type OutgoingFrame,
  plainCodec,
} from "./connection-codec.js";
export { crc32 } from "./crc32.js";
export {
  AEAD_KEY_BYTES,
  AEAD_NONCE_BYTES,
  AEAD_TAG_BYTES,
  type Aead,
  type AeadAlgorithm,
  CipherAlgorithm,
  type CryptoProvider,
  ED25519_SEED_BYTES,
  ED25519_SIGNATURE_BYTES,
  isAeadAlgorithm,
  KEY_SHARE_BYTES,
  NONCE_BYTES,
} from "./crypto-provider.js";
export {
  ErrorCode,
  type ErrorCodeName,
  errorCodeName,
  FrameRule,
  type FrameRuleName,
  GAME_ERROR_CODE_MIN,
  invalidFrame,
  isRetryableCode,
  isTetherError,
  type SystemErrorCode,
  TetherError,
  type TetherErrorOptions,
} from "./errors.js";
export {
  encodeFrame,
  encodeFrameHeader,
  FRAME_OVERHEAD_BYTES,
  type Frame,
  type FrameInit,
  MIN_MAX_FRAME_BYTES,
  toFrame,
} from "./frame.js";
export {
  type DecodeOptions,
  decodeFrame,
  decodeFrameLayout,
  type FrameLayout,
  MAX_FRAME_ITEMS,
} from "./frame-reader.js";
export {
  FrameFlag,
  FrameType,
  type FrameTypeName,
  type FrameTypeValue,
  GAME_MSG_ID_MIN,
  hasFlag,
  isFrameType,
  isGameMsgId,
  MSG_ID_MAX,
  SystemMsgId,
  Tag,
  withFlag,
  withoutFlag,
} from "./frame-types.js";
export {
  type ClientKeyExchangeInput,
  clientKeyExchange,
  createKeyShare,
  type DeriveKeysInput,
  deriveSessionKeys,
  type KeyShare,
  type ServerKeyExchange,
  type ServerKeyExchangeInput,
  type SessionKeys,
  serverKeyExchange,
  sharedSecret,
  signTranscript,
  transcriptHash,
  verifyTranscriptSignature,
} from "./key-schedule.js";
export * from "./messages.js";
export { nobleCrypto } from "./noble-crypto.js";
export { createSealPair, FrameOpener, FrameSealer, frameNonce, type SealPair } from "./seal.js";
export { type Cursor, encodeVarint, MAX_VARINT_BYTES, readVarint, varintSize, writeVarint } from "./varint.js";
