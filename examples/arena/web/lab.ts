/**
 * The network lab panel: what the client knows of its session (id, RTT, revision, the last
 * pushId applied and ACKed, what the last resume replayed) and a log of what happened to the
 * connection. The page's tests read the same figures.
 */
import type { TetherClient } from "@tether/client";

const $ = (id: string) => document.getElementById(id) as HTMLElement;

export class LabPanel {
  rttMs: number | undefined;
  /** Pushes replayed by the last resume; undefined until one happened. */
  replayed: number | undefined;
  private readonly log = $("log");

  /** Refreshes the figures (called a few times a second). */
  show(client: TetherClient | undefined, revision: number): void {
    $("lab-session").textContent = client?.sessionId ?? "-";
    $("lab-rtt").textContent = this.rttMs === undefined ? "-" : `${this.rttMs.toFixed(1)} ms`;
    $("lab-revision").textContent = String(revision);
    $("lab-applied").textContent = client ? String(client.lastAppliedPushId) : "-";
    $("lab-acked").textContent = client ? String(client.lastAckedPushId) : "-";
    $("lab-replayed").textContent = this.replayed === undefined ? "-" : String(this.replayed);
  }

  /** A line in the connection log, newest first, at most 50. */
  note(text: string): void {
    const li = document.createElement("li");
    const time = document.createElement("time");
    time.textContent = new Date().toLocaleTimeString([], { hour12: false });
    li.append(time, text);
    this.log.prepend(li);
    while (this.log.children.length > 50) this.log.lastElementChild?.remove();
  }
}
