/**
 * A browser transport a page can cut and take offline, to show what the client does when the
 * network goes (the chat's and the arena's "cut" and "offline" buttons, and their tests). While
 * offline every connection attempt fails at once, as it would without a network.
 */
import type { TransportFactory, WebSocketLike } from "@tether/client";

export interface LabTransport {
  readonly factory: TransportFactory;
  /** Closes the current socket (the client sees a lost connection and resumes). */
  cut(): void;
  /** Offline: cuts the socket and fails every attempt until `setOffline(false)`. */
  setOffline(offline: boolean): void;
  readonly offline: boolean;
}

export function labTransport(): LabTransport {
  let current: WebSocket | undefined;
  let offline = false;
  const failing = (): WebSocketLike => {
    const dead = {
      binaryType: "arraybuffer",
      readyState: 3,
      onopen: null,
      onmessage: null,
      onclose: null as WebSocketLike["onclose"],
      onerror: null,
      send() {},
      close() {},
    } satisfies WebSocketLike;
    setTimeout(() => dead.onclose?.({ code: 1006, reason: "offline" }), 0);
    return dead;
  };
  return {
    factory: (url) => {
      if (offline) return failing();
      current = new WebSocket(url);
      return current as unknown as WebSocketLike;
    },
    cut: () => current?.close(4000, "cut"),
    setOffline(value) {
      offline = value;
      if (value) current?.close(4000, "offline");
    },
    get offline() {
      return offline;
    },
  };
}
