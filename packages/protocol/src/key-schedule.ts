/**
 * The key schedule of protocol.md §5, exactly, so independent implementations interoperate:
 *
 *   th  = SHA-256(u32be(len(hello)) || hello || server_key_share || server_nonce || u8(cipher))
 *   okm = HKDF-SHA256(ikm = X25519 shared, salt = client_nonce || server_nonce,
 *                     info = "tether/1 keys" || th, L = 88)
 *   c2sKey = okm[0:32], s2cKey = okm[32:64], c2sIv = okm[64:76], s2cIv = okm[76:88]
 *   server_signature = Ed25519.sign("tether/1 server signature" || th)
 */
import { concatBytes, isAllZero, utf8 } from "./bytes.js";
import {
  AEAD_KEY_BYTES,
  AEAD_NONCE_BYTES,
  type AeadAlgorithm,
  type CryptoProvider,
  ED25519_SIGNATURE_BYTES,
  KEY_SHARE_BYTES,
  NONCE_BYTES,
} from "./crypto-provider.js";
import { ErrorCode, TetherError } from "./errors.js";

const KEYS_INFO = utf8("tether/1 keys");
const SIGNATURE_CONTEXT = utf8("tether/1 server signature");
const OKM_BYTES = 2 * AEAD_KEY_BYTES + 2 * AEAD_NONCE_BYTES;

/** One side's ephemeral key share and nonce. The secret key never leaves the process. */
export interface KeyShare {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly nonce: Uint8Array;
}

export function createKeyShare(crypto: CryptoProvider): KeyShare {
  const secretKey = crypto.randomBytes(KEY_SHARE_BYTES);
  return { secretKey, publicKey: crypto.x25519PublicKey(secretKey), nonce: crypto.randomBytes(NONCE_BYTES) };
}

/** The four keys of a sealed connection. */
export interface SessionKeys {
  readonly c2sKey: Uint8Array;
  readonly s2cKey: Uint8Array;
  readonly c2sIv: Uint8Array;
  readonly s2cIv: Uint8Array;
}

export function transcriptHash(
  crypto: CryptoProvider,
  helloBytes: Uint8Array,
  serverKeyShare: Uint8Array,
  serverNonce: Uint8Array,
  cipher: AeadAlgorithm,
): Uint8Array {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, helloBytes.length, false);
  return crypto.sha256(concatBytes(len, helloBytes, serverKeyShare, serverNonce, Uint8Array.of(cipher)));
}

function unsupported(message: string, cause?: unknown): TetherError {
  return new TetherError(ErrorCode.UNSUPPORTED_PROTOCOL, message, cause === undefined ? {} : { cause });
}

/** X25519 with the checks of protocol.md §5: 32-byte keys and a non-zero shared secret. */
export function sharedSecret(crypto: CryptoProvider, secretKey: Uint8Array, peerPublicKey: Uint8Array): Uint8Array {
  if (peerPublicKey.length !== KEY_SHARE_BYTES) throw unsupported("key share must be 32 bytes");
  let shared: Uint8Array;
  try {
    shared = crypto.x25519SharedSecret(secretKey, peerPublicKey);
  } catch (e) {
    // noble and OpenSSL both refuse low-order points (all-zero secret) by throwing.
    throw unsupported("key share rejected", e);
  }
  if (isAllZero(shared)) throw unsupported("key share yields an all-zero shared secret");
  return shared;
}

export interface DeriveKeysInput {
  readonly shared: Uint8Array;
  readonly clientNonce: Uint8Array;
  readonly serverNonce: Uint8Array;
  readonly transcriptHash: Uint8Array;
}

export function deriveSessionKeys(crypto: CryptoProvider, input: DeriveKeysInput): SessionKeys {
  if (input.clientNonce.length !== NONCE_BYTES || input.serverNonce.length !== NONCE_BYTES) {
    throw unsupported("nonces must be 32 bytes");
  }
  const okm = crypto.hkdfSha256(
    input.shared,
    concatBytes(input.clientNonce, input.serverNonce),
    concatBytes(KEYS_INFO, input.transcriptHash),
    OKM_BYTES,
  );
  return {
    c2sKey: okm.slice(0, 32),
    s2cKey: okm.slice(32, 64),
    c2sIv: okm.slice(64, 76),
    s2cIv: okm.slice(76, 88),
  };
}

export function signTranscript(crypto: CryptoProvider, signingSeed: Uint8Array, th: Uint8Array): Uint8Array {
  return crypto.ed25519Sign(concatBytes(SIGNATURE_CONTEXT, th), signingSeed);
}

export function verifyTranscriptSignature(
  crypto: CryptoProvider,
  serverPublicKey: Uint8Array,
  th: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (signature.length !== ED25519_SIGNATURE_BYTES) return false;
  return crypto.ed25519Verify(signature, concatBytes(SIGNATURE_CONTEXT, th), serverPublicKey);
}

/** What the server computes after choosing an AEAD for a ClientHello. */
export interface ServerKeyExchange {
  readonly serverKeyShare: Uint8Array;
  readonly serverNonce: Uint8Array;
  readonly keys: SessionKeys;
  /** Empty unless a signing seed was given. */
  readonly signature: Uint8Array;
}

export interface ServerKeyExchangeInput {
  /** The ClientHello REQ payload exactly as received. */
  readonly helloBytes: Uint8Array;
  readonly clientKeyShare: Uint8Array;
  readonly clientNonce: Uint8Array;
  readonly cipher: AeadAlgorithm;
  /** 32-byte Ed25519 seed; when set the server signs the transcript. */
  readonly signingSeed?: Uint8Array | undefined;
  /** A fixed share, for known-answer tests; a fresh one otherwise. */
  readonly share?: KeyShare | undefined;
}

export function serverKeyExchange(crypto: CryptoProvider, input: ServerKeyExchangeInput): ServerKeyExchange {
  if (input.clientNonce.length !== NONCE_BYTES) throw unsupported("client nonce must be 32 bytes");
  const share = input.share ?? createKeyShare(crypto);
  const shared = sharedSecret(crypto, share.secretKey, input.clientKeyShare);
  const th = transcriptHash(crypto, input.helloBytes, share.publicKey, share.nonce, input.cipher);
  const keys = deriveSessionKeys(crypto, {
    shared,
    clientNonce: input.clientNonce,
    serverNonce: share.nonce,
    transcriptHash: th,
  });
  const signature = input.signingSeed ? signTranscript(crypto, input.signingSeed, th) : new Uint8Array(0);
  return { serverKeyShare: share.publicKey, serverNonce: share.nonce, keys, signature };
}

export interface ClientKeyExchangeInput {
  /** The ClientHello REQ payload exactly as sent. */
  readonly helloBytes: Uint8Array;
  /** The client's share whose public key and nonce went into the hello. */
  readonly share: KeyShare;
  readonly serverKeyShare: Uint8Array;
  readonly serverNonce: Uint8Array;
  readonly cipher: AeadAlgorithm;
  readonly serverSignature: Uint8Array;
  /** The pinned Ed25519 public key; when set, a missing or wrong signature is refused. */
  readonly serverPublicKey?: Uint8Array | undefined;
}

export function clientKeyExchange(crypto: CryptoProvider, input: ClientKeyExchangeInput): SessionKeys {
  if (input.serverNonce.length !== NONCE_BYTES) throw unsupported("server nonce must be 32 bytes");
  const shared = sharedSecret(crypto, input.share.secretKey, input.serverKeyShare);
  const th = transcriptHash(crypto, input.helloBytes, input.serverKeyShare, input.serverNonce, input.cipher);
  if (input.serverPublicKey && !verifyTranscriptSignature(crypto, input.serverPublicKey, th, input.serverSignature)) {
    throw unsupported("server signature is missing or does not verify against the pinned key");
  }
  return deriveSessionKeys(crypto, {
    shared,
    clientNonce: input.share.nonce,
    serverNonce: input.serverNonce,
    transcriptHash: th,
  });
}
