/**
 * Load-generator connections: a raw `ws` socket, and a Tether connection that speaks frames
 * through @tether/protocol (hello, optional sealing, login) with as little client-side work as
 * possible, so the figures measure the servers.
 */
import {
  type AeadAlgorithm,
  ClientHelloReq,
  ClientHelloResp,
  ConnectionCodec,
  clientKeyExchange,
  createKeyShare,
  createSealPair,
  type Frame,
  FrameType,
  isAeadAlgorithm,
  LoginReq,
  plainCodec,
  SystemMsgId,
} from "@tether/protocol";
import { nodeCrypto } from "@tether/protocol/node";
import { WebSocket } from "ws";

export function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = "nodebuffer";
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

export class TetherLink {
  codec: ConnectionCodec = plainCodec(1 << 20);
  private seq = 0;
  onFrame: (f: Frame) => void = () => {};
  private pending = new Map<number, (f: Frame) => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data: Buffer) => {
      const f = this.codec.decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      const p = f.type === FrameType.RESP ? this.pending.get(f.seq) : undefined;
      if (p) {
        this.pending.delete(f.seq);
        p(f);
      } else this.onFrame(f);
    });
  }

  /** Connects, says hello (sealed with `cipher` when given) and logs in as `playerId`. */
  static async open(url: string, playerId: number, cipher?: AeadAlgorithm): Promise<TetherLink> {
    const link = new TetherLink(await openSocket(url));
    const share = createKeyShare(nodeCrypto);
    const helloBytes = ClientHelloReq.encode({
      protocolVersion: 1,
      supportedCiphers: cipher ? [cipher] : [],
      ...(cipher ? { clientKeyShare: share.publicKey, clientNonce: share.nonce } : {}),
    }).finish();
    const hello = ClientHelloResp.decode((await link.call(SystemMsgId.CLIENT_HELLO, helloBytes)).payload);
    if (isAeadAlgorithm(hello.selectedCipher)) {
      const c = hello.selectedCipher as AeadAlgorithm;
      const keys = clientKeyExchange(nodeCrypto, {
        helloBytes,
        share,
        serverKeyShare: hello.serverKeyShare,
        serverNonce: hello.serverNonce,
        cipher: c,
        serverSignature: hello.serverSignature,
      });
      link.codec = new ConnectionCodec({
        compressionMinBytes: Number.POSITIVE_INFINITY,
        maxFrameBytes: 1 << 20,
        seal: createSealPair(nodeCrypto, c, keys, "client"),
      });
    }
    await link.call(SystemMsgId.LOGIN, LoginReq.encode({ token: String(playerId) }).finish());
    return link;
  }

  call(msgId: number, payload: Uint8Array): Promise<Frame> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      this.ws.send(this.codec.encode({ type: FrameType.REQ, msgId, seq, payload }));
    });
  }

  /** Sends a REQ without waiting (the caller matches RESPs itself through onFrame). */
  sendRequest(msgId: number, seq: number, payload: Uint8Array): void {
    this.ws.send(this.codec.encode({ type: FrameType.REQ, msgId, seq, payload }));
  }

  nextSeq(): number {
    return ++this.seq;
  }
}
