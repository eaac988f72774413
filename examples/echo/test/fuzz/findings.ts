/** What the fuzz suite records during a run: the server's faults and the messages sent. */
import { hexOf } from "./loose-frames.js";

/** What the server did wrong, shared by every connection of a run. */
export class Findings {
  readonly list: string[] = [];
  count = 0;

  /** Records a finding; returns its index (-1 when the list is full). */
  add(what: string): number {
    this.count++;
    if (this.list.length >= 40) return -1;
    return this.list.push(what) - 1;
  }

  /** Appends to a finding already recorded (what happened next). */
  amend(index: number, more: string): void {
    if (index >= 0 && index < this.list.length) this.list[index] += more;
  }
}

/** The last messages sent, across connections, for the failure report. */
export class ActionLog {
  private readonly entries: string[] = [];
  private readonly t0 = Date.now();

  constructor(private readonly capacity = 300) {}

  add(conn: string, desc: string, bytes?: Uint8Array | string): void {
    const body = bytes === undefined ? "" : typeof bytes === "string" ? ` text(${bytes.length})` : ` ${hexOf(bytes)}`;
    this.entries.push(`+${Date.now() - this.t0}ms ${conn} ${desc}${body}`);
    if (this.entries.length > this.capacity * 2) this.entries.splice(0, this.entries.length - this.capacity);
  }

  last(n: number): string[] {
    return this.entries.slice(-n);
  }
}
