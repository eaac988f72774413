/**
 * A raw-frame client over a real WebSocket (the `ws` package), for end-to-end tests against
 * the server and the conformance server. Also sends what a real client never would: text
 * messages, oversize frames, garbage.
 */
import { WebSocket } from "ws";
import { FrameClient } from "./frame-client.js";

export class WsClient extends FrameClient {
  readonly ws: WebSocket;
  private readonly opened: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    super();
    this.ws = new WebSocket(url, { headers, perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
    this.ws.binaryType = "nodebuffer";
    this.opened = new Promise((resolve, reject) => {
      this.ws.once("open", () => resolve());
      this.ws.once("error", reject);
      this.ws.once("unexpected-response", (_, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    this.ws.on("message", (data: Buffer, isBinary) => {
      if (isBinary) this.onBytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    this.ws.on("close", (code, reason) => this.onClose(code, reason.toString()));
    this.ws.on("error", () => {});
  }

  /** Connects; rejects with `HTTP <status>` when the upgrade is refused. */
  static async open(url: string, headers?: Record<string, string>): Promise<WsClient> {
    const c = new WsClient(url, headers);
    await c.opened;
    return c;
  }

  protected transmit(bytes: Uint8Array): void {
    this.ws.send(bytes);
  }

  sendText(text: string): void {
    this.ws.send(text);
  }

  /** Cuts the TCP connection without a close frame. */
  destroy(): void {
    this.ws.terminate();
  }

  close(): void {
    this.ws.close();
  }
}

/** Resolves with the HTTP status of a refused upgrade (or "open" when accepted). */
export async function upgradeStatus(url: string, headers?: Record<string, string>): Promise<number | "open"> {
  try {
    const c = await WsClient.open(url, headers);
    c.destroy();
    return "open";
  } catch (e) {
    const m = /HTTP (\d+)/.exec(String(e));
    if (!m) throw e;
    return Number(m[1]);
  }
}
