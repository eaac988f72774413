/** The client's lifecycle as a discriminated union, and its typed events. */
import type { TetherError } from "@tether/protocol";

export type ClientState =
  | { readonly kind: "idle" }
  | { readonly kind: "connecting" }
  | { readonly kind: "handshaking" }
  | { readonly kind: "authenticating" }
  | { readonly kind: "syncing" }
  | { readonly kind: "ready" }
  | { readonly kind: "reconnecting"; readonly attempt: number; readonly delayMs: number }
  | { readonly kind: "closed"; readonly code: number; readonly reason: string };

export interface ClientEvents {
  state: ClientState;
  /** A Resume answered OK; `replayed` pushes were replayed. */
  resumed: { readonly replayed: number };
  /** A snapshot was applied. */
  synced: { readonly revision: number };
  /** The server ended the session (4500 taken over, 4501 kicked): no reconnect. */
  kicked: { readonly code: number; readonly reason: string };
  /** Something went wrong that the app should know about (a handler threw, a refused key). */
  error: { readonly error: TetherError | Error };
}

type Listener<T> = (event: T) => void;

/** A tiny typed emitter; a throwing listener never breaks the client. */
export class Emitter<E> {
  private readonly listeners = new Map<keyof E, Set<Listener<never>>>();

  on<K extends keyof E>(event: K, fn: Listener<E[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(fn as Listener<never>);
    return () => set?.delete(fn as Listener<never>);
  }

  emit<K extends keyof E>(event: K, value: E[K]): void {
    for (const fn of this.listeners.get(event) ?? []) {
      try {
        (fn as Listener<E[K]>)(value);
      } catch {}
    }
  }
}

/** What a thrown value becomes in an `error` event. */
export function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
