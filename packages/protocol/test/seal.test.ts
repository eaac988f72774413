import { loadVectors, type VectorFrame } from "@tether/testkit";
import { describe, expect, it } from "vitest";
import {
  type AeadAlgorithm,
  CipherAlgorithm,
  clientKeyExchange,
  createKeyShare,
  createSealPair,
  decodeFrame,
  ErrorCode,
  encodeFrame,
  FrameFlag,
  type FrameInit,
  FrameRule,
  FrameType,
  type FrameTypeValue,
  frameNonce,
  fromHex,
  isTetherError,
  type SessionKeys,
  serverKeyExchange,
  sharedSecret,
  signTranscript,
  toHex,
  transcriptHash,
  verifyTranscriptSignature,
} from "../src/index.js";
import { nobleCrypto } from "../src/noble-crypto.js";
import { AEADS, CRYPTO_PROVIDERS, ruleOf } from "./support/fixtures.js";

interface HandshakeVector {
  name: string;
  cipher: AeadAlgorithm;
  clientSecretKey: string;
  clientKeyShare: string;
  serverSecretKey: string;
  serverKeyShare: string;
  clientNonce: string;
  serverNonce: string;
  signingSeed: string;
  signingPublicKey: string;
  helloBytes: string;
  shared: string;
  transcriptHash: string;
  c2sKey: string;
  s2cKey: string;
  c2sIv: string;
  s2cIv: string;
  serverSignature: string;
  frames: { direction: "c2s" | "s2c"; counter: number; frame: VectorFrame; hex: string }[];
}

const vectors = loadVectors<HandshakeVector[]>("handshake.json");
const providers = CRYPTO_PROVIDERS;

function toInit(f: VectorFrame): FrameInit {
  const { payload, type, ...rest } = f;
  return { ...rest, type: type as FrameTypeValue, ...(payload === undefined ? {} : { payload: fromHex(payload) }) };
}

/** The client side of a handshake vector, as clientKeyExchange takes it. */
function clientInputOf(v: HandshakeVector) {
  return {
    helloBytes: fromHex(v.helloBytes),
    share: {
      secretKey: fromHex(v.clientSecretKey),
      publicKey: fromHex(v.clientKeyShare),
      nonce: fromHex(v.clientNonce),
    },
    serverKeyShare: fromHex(v.serverKeyShare),
    serverNonce: fromHex(v.serverNonce),
    cipher: v.cipher,
    serverSignature: fromHex(v.serverSignature),
    serverPublicKey: fromHex(v.signingPublicKey),
  };
}

function keysOf(v: HandshakeVector): SessionKeys {
  return { c2sKey: fromHex(v.c2sKey), s2cKey: fromHex(v.s2cKey), c2sIv: fromHex(v.c2sIv), s2cIv: fromHex(v.s2cIv) };
}

describe.each(providers)("the key schedule and sealing with %s", (_, crypto) => {
  describe.each(vectors)("known answers for $name", (v) => {
    it("derives the transcript hash, the keys and the server signature", () => {
      const th = transcriptHash(
        crypto,
        fromHex(v.helloBytes),
        fromHex(v.serverKeyShare),
        fromHex(v.serverNonce),
        v.cipher,
      );
      expect(toHex(th)).toBe(v.transcriptHash);
      const kx = serverKeyExchange(crypto, {
        helloBytes: fromHex(v.helloBytes),
        clientKeyShare: fromHex(v.clientKeyShare),
        clientNonce: fromHex(v.clientNonce),
        cipher: v.cipher,
        signingSeed: fromHex(v.signingSeed),
        share: {
          secretKey: fromHex(v.serverSecretKey),
          publicKey: fromHex(v.serverKeyShare),
          nonce: fromHex(v.serverNonce),
        },
      });
      expect(toHex(kx.keys.c2sKey)).toBe(v.c2sKey);
      expect(toHex(kx.keys.s2cKey)).toBe(v.s2cKey);
      expect(toHex(kx.keys.c2sIv)).toBe(v.c2sIv);
      expect(toHex(kx.keys.s2cIv)).toBe(v.s2cIv);
      expect(toHex(kx.signature)).toBe(v.serverSignature);
    });

    it("lets the client derive the same keys and verify the pinned signature", () => {
      const keys = clientKeyExchange(crypto, clientInputOf(v));
      expect(toHex(keys.c2sKey)).toBe(v.c2sKey);
      expect(toHex(keys.s2cIv)).toBe(v.s2cIv);
    });

    it("seals each frame to the known bytes and opens it again", () => {
      const client = createSealPair(crypto, v.cipher, keysOf(v), "client");
      const server = createSealPair(crypto, v.cipher, keysOf(v), "server");
      for (const f of v.frames) {
        const [sealer, opener] =
          f.direction === "c2s" ? [client.sealer, server.opener] : [server.sealer, client.opener];
        expect(sealer.sealedCount).toBe(f.counter);
        expect(toHex(sealer.seal(toInit(f.frame)))).toBe(f.hex);
        const opened = opener.open(fromHex(f.hex));
        expect(opened.flags & FrameFlag.ENCRYPT).toBe(FrameFlag.ENCRYPT);
        expect(toHex(opened.payload)).toBe(f.frame.payload ?? "");
        expect(opened.msgId).toBe(f.frame.msgId ?? 0);
      }
    });
  });

  describe.each(AEADS)("%s", (_, cipher) => {
    function pair() {
      const clientShare = createKeyShare(crypto);
      const hello = Uint8Array.of(8, 1);
      const kx = serverKeyExchange(crypto, {
        helloBytes: hello,
        clientKeyShare: clientShare.publicKey,
        clientNonce: clientShare.nonce,
        cipher,
      });
      const keys = clientKeyExchange(crypto, {
        helloBytes: hello,
        share: clientShare,
        serverKeyShare: kx.serverKeyShare,
        serverNonce: kx.serverNonce,
        cipher,
        serverSignature: kx.signature,
      });
      return {
        client: createSealPair(crypto, cipher, keys, "client"),
        server: createSealPair(crypto, cipher, kx.keys, "server"),
      };
    }
    const req: FrameInit = { type: FrameType.REQ, msgId: 1000, seq: 1, payload: Uint8Array.of(1, 2, 3) };

    it("agrees on keys between fresh client and server shares", () => {
      const { client, server } = pair();
      expect(decodeFrame(encodeFrame(req)).msgId).toBe(server.opener.open(client.sealer.seal(req)).msgId);
    });

    it("fails a tampered frame with seal-open-failed", () => {
      const { client, server } = pair();
      const sealed = client.sealer.seal(req);
      sealed[sealed.length - 1] = (sealed[sealed.length - 1] as number) ^ 1;
      expect(ruleOf(() => server.opener.open(sealed))).toBe(FrameRule.SEAL_OPEN_FAILED);
    });

    it("fails a frame whose clear items were changed (they are the additional data)", () => {
      const { client, server } = pair();
      const sealed = client.sealer.seal(req);
      sealed[8] = 0xe9; // msgId 1000 (02 02 e8 07 after type and flags) -> 1001: still a valid frame, but not what was sealed
      expect(decodeFrame(sealed).msgId).toBe(1001);
      expect(ruleOf(() => server.opener.open(sealed))).toBe(FrameRule.SEAL_OPEN_FAILED);
    });

    it("fails a frame sealed with another connection's keys", () => {
      const a = pair();
      const b = pair();
      expect(ruleOf(() => b.server.opener.open(a.client.sealer.seal(req)))).toBe(FrameRule.SEAL_OPEN_FAILED);
    });

    it("fails a replayed frame", () => {
      const { client, server } = pair();
      const sealed = client.sealer.seal(req);
      server.opener.open(sealed);
      expect(ruleOf(() => server.opener.open(sealed))).toBe(FrameRule.SEAL_OPEN_FAILED);
    });

    it("fails frames that arrive out of order", () => {
      const { client, server } = pair();
      client.sealer.seal(req);
      const second = client.sealer.seal(req);
      expect(ruleOf(() => server.opener.open(second))).toBe(FrameRule.SEAL_OPEN_FAILED);
    });

    it("fails a frame reflected back in the other direction", () => {
      const { client } = pair();
      const sealed = client.sealer.seal(req);
      expect(ruleOf(() => client.opener.open(sealed))).toBe(FrameRule.SEAL_OPEN_FAILED);
    });

    it("refuses an unsealed frame on a sealed connection", () => {
      const { server } = pair();
      expect(ruleOf(() => server.opener.open(encodeFrame(req)))).toBe(FrameRule.NOT_SEALED);
    });

    it("refuses a sealed payload shorter than the tag", () => {
      const { server } = pair();
      const short = encodeFrame({ type: FrameType.ACK, flags: FrameFlag.ENCRYPT, payload: new Uint8Array(15) });
      expect(ruleOf(() => server.opener.open(short))).toBe(FrameRule.SEAL_OPEN_FAILED);
    });

    it("seals an empty plaintext to a 16-byte payload", () => {
      const { client, server } = pair();
      const sealed = client.sealer.seal({ type: FrameType.PING });
      expect(decodeFrame(sealed).payload.length).toBe(16);
      expect(server.opener.open(sealed).payload.length).toBe(0);
    });

    it("opens a frame whose payload item is not last (additional data is every other item)", () => {
      const { client, server } = pair();
      const sealed = client.sealer.seal(req);
      const frame = decodeFrame(sealed);
      // Move the payload item to the front: the AAD (the other items, in order) is unchanged.
      const payloadItem = sealed.subarray(sealed.length - 2 - frame.payload.length);
      const moved = new Uint8Array(sealed.length);
      moved.set(payloadItem, 0);
      moved.set(sealed.subarray(0, sealed.length - payloadItem.length), payloadItem.length);
      expect(toHex(server.opener.open(moved).payload)).toBe("010203");
    });
  });

  it("refuses an all-zero shared secret with UNSUPPORTED_PROTOCOL", () => {
    try {
      sharedSecret(crypto, crypto.randomBytes(32), new Uint8Array(32));
      expect.unreachable();
    } catch (e) {
      expect(isTetherError(e) && e.code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
    }
  });

  it("refuses a key share that is not 32 bytes with UNSUPPORTED_PROTOCOL", () => {
    expect(ruleOf(() => sharedSecret(crypto, crypto.randomBytes(32), new Uint8Array(31)))).toBe(
      `code ${ErrorCode.UNSUPPORTED_PROTOCOL}`,
    );
  });

  it("makes a client with a pinned key refuse a missing or wrong signature", () => {
    const v = vectors[0] as HandshakeVector;
    const base = clientInputOf(v);
    const wrongKey = crypto.ed25519PublicKey(crypto.randomBytes(32));
    for (const input of [
      { ...base, serverSignature: new Uint8Array(0) },
      { ...base, serverSignature: fromHex(v.serverSignature).reverse() },
      { ...base, serverSignature: fromHex(v.serverSignature), serverPublicKey: wrongKey },
    ]) {
      expect(ruleOf(() => clientKeyExchange(crypto, input))).toBe(`code ${ErrorCode.UNSUPPORTED_PROTOCOL}`);
    }
  });

  it("verifies a transcript signature only for the same transcript", () => {
    const seed = crypto.randomBytes(32);
    const pub = crypto.ed25519PublicKey(seed);
    const th = crypto.sha256(Uint8Array.of(1));
    const sig = signTranscript(crypto, seed, th);
    expect(verifyTranscriptSignature(crypto, pub, th, sig)).toBe(true);
    expect(verifyTranscriptSignature(crypto, pub, crypto.sha256(Uint8Array.of(2)), sig)).toBe(false);
  });
});

describe("frameNonce", () => {
  it("XORs the big-endian counter into the last 8 bytes of the IV", () => {
    const iv = fromHex("000102030405060708090a0b");
    expect(toHex(frameNonce(iv, 0))).toBe("000102030405060708090a0b");
    expect(toHex(frameNonce(iv, 1))).toBe("000102030405060708090a0a");
    expect(toHex(frameNonce(iv, 2 ** 32 + 0x100))).toBe("000102030405060608090b0b");
    expect(toHex(frameNonce(iv, Number.MAX_SAFE_INTEGER))).toBe("00010203041af9f8f7f6f5f4");
  });

  it("leaves the IV it was given unchanged", () => {
    const iv = new Uint8Array(12).fill(0xff);
    frameNonce(iv, 12345);
    expect(toHex(iv)).toBe("ff".repeat(12));
  });
});

describe("a sealed frame of an unknown type", () => {
  it("is opened and counted before it is refused, so a client can skip it and open the next", () => {
    const keys: SessionKeys = {
      c2sKey: new Uint8Array(32),
      s2cKey: new Uint8Array(32).fill(1),
      c2sIv: new Uint8Array(12),
      s2cIv: new Uint8Array(12),
    };
    const server = createSealPair(nobleCrypto, CipherAlgorithm.CIPHER_CHACHA20_POLY1305, keys, "server");
    const client = createSealPair(nobleCrypto, CipherAlgorithm.CIPHER_CHACHA20_POLY1305, keys, "client");
    // A future frame type 9: sealed by hand the way a newer server would.
    const aead = nobleCrypto.aead(CipherAlgorithm.CIPHER_CHACHA20_POLY1305, keys.s2cKey);
    const header = fromHex("010109050104");
    const sealed = aead.seal(frameNonce(keys.s2cIv, 0), header, Uint8Array.of(1));
    const future = Uint8Array.from([...header, 0x06, sealed.length, ...sealed]);
    server.sealer.seal({ type: FrameType.PING }); // counter 0 used by the future frame above
    const next = server.sealer.seal({ type: FrameType.PONG, ts: 5 });
    expect(ruleOf(() => client.opener.open(future))).toBe(FrameRule.TYPE_UNKNOWN);
    expect(client.opener.open(next).type).toBe(FrameType.PONG);
  });
});
