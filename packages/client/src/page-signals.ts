/**
 * What a browser page tells the client about its network (docs/client.md §8.4): the `online`
 * event (the network is back) and `visibilitychange` to visible (the player came back to the
 * tab). Either makes a client waiting out a backoff reconnect at once, and a client that thinks
 * it is connected check its link with a PING. Outside a browser there is nothing to listen to.
 */

interface PageLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

interface DocumentLike extends PageLike {
  readonly visibilityState?: string;
}

/** Listens to the page while a client wants a connection; `stop()` removes the listeners. */
export class PageSignals {
  private readonly page: PageLike | undefined;
  private readonly doc: DocumentLike | undefined;
  private listening = false;
  private readonly onOnline = () => this.wake();
  private readonly onVisibility = () => {
    if (this.doc?.visibilityState === "visible") this.wake();
  };

  constructor(private readonly wake: () => void) {
    const g = globalThis as { addEventListener?: unknown; removeEventListener?: unknown; document?: unknown };
    if (typeof g.addEventListener === "function" && typeof g.removeEventListener === "function") {
      // Kept as found: what the client added it removes the same way, whatever happens to globalThis.
      this.page = {
        addEventListener: g.addEventListener.bind(g) as PageLike["addEventListener"],
        removeEventListener: g.removeEventListener.bind(g) as PageLike["removeEventListener"],
      };
    }
    const d = g.document as DocumentLike | undefined;
    if (d !== undefined && typeof d.addEventListener === "function") this.doc = d;
  }

  /** Whether this runs in a page (a browser window with a document). */
  get inBrowser(): boolean {
    return this.page !== undefined && this.doc !== undefined;
  }

  start(): void {
    if (this.listening) return;
    this.listening = true;
    this.page?.addEventListener("online", this.onOnline);
    this.doc?.addEventListener("visibilitychange", this.onVisibility);
  }

  stop(): void {
    if (!this.listening) return;
    this.listening = false;
    this.page?.removeEventListener("online", this.onOnline);
    this.doc?.removeEventListener("visibilitychange", this.onVisibility);
  }
}
