/**
 * The cumulative ACK of reliable pushes (docs/client.md §6.2): the pipeline reports a push
 * only after its handler finished; the ACK then goes out `ackDelayMs` after the first push
 * waiting for one, or at once when `ackBatch` pushes wait, or earlier on an outgoing request
 * (`ackPushId`). The last applied pushId a Resume carries counts as an ACK (sessions.md §4).
 */
import type { Clock, TimerHandle } from "./clock.js";

export interface AckSchedulerOptions {
  readonly ackDelayMs: number;
  readonly ackBatch: number;
  readonly clock: Clock;
}

/** Where ACK frames go. */
export interface AckOutlet {
  /** True when an ACK frame can go out now (connected and ready). */
  ready(): boolean;
  send(pushId: number): void;
}

export class AckScheduler {
  private lastSent = 0;
  private waiting = 0;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly o: AckSchedulerOptions,
    /** The last applied reliable pushId (the session record's). */
    private readonly lastApplied: () => number,
    private readonly out: AckOutlet,
  ) {}

  /** A reliable push was applied (its handler has finished). */
  applied(pushId: number): void {
    if (pushId <= this.lastSent) return;
    if (++this.waiting >= this.o.ackBatch) this.flush();
    else if (this.timer === undefined) this.timer = this.o.clock.setTimer(this.o.ackDelayMs, () => this.flush());
  }

  /** The highest pushId the server has been told the app applied (by an ACK or a Resume). */
  get acknowledged(): number {
    return this.lastSent;
  }

  /** The ACK to piggy-back on an outgoing request, or 0; it counts as sent. */
  take(): number {
    const n = this.lastApplied();
    if (n <= this.lastSent) return 0;
    this.lastSent = n;
    this.waiting = 0;
    return n;
  }

  /** Sends the ACK now when one is due and the outlet is ready. */
  flush(): void {
    this.stopTimer();
    if (!this.out.ready()) return;
    const n = this.take();
    if (n > 0) this.out.send(n);
  }

  /** A Resume is about to carry the last applied pushId: nothing else needs to go out for it. */
  beforeResume(): void {
    this.stopTimer();
    this.waiting = 0;
  }

  /**
   * The Resume was answered: the server counts `acknowledged` as ACKed (the pushId the Resume
   * carried, or after NEED_FULL_SYNC the lower of it and the new baseline, since pushes above the
   * baseline are new to the client and need ACKs of their own).
   */
  resumed(acknowledged: number): void {
    this.lastSent = acknowledged;
  }

  private stopTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
