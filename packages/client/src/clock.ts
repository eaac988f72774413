/**
 * Time, injected (option `clock`) so the heartbeat, the reconnect backoff, ACK batching and the
 * timeouts can be tested without waiting. The shape is the server's clock (now, setTimer), kept
 * here because the client depends on @tether/protocol only; a manual clock for tests lives in
 * test/manual-clock.ts.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Runs `fn` once after `ms`. A timer does not keep a Node process alive unless `keepAlive`
   * (the reconnect timer: a client that is reconnecting is still at work).
   */
  setTimer(ms: number, fn: () => void, keepAlive?: boolean): TimerHandle;
}

/** Date.now and the runtime's setTimeout. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn, keepAlive = false) {
    const t = setTimeout(fn, ms);
    if (!keepAlive) (t as { unref?: () => void }).unref?.();
    return { cancel: () => clearTimeout(t) };
  },
};
