/**
 * The message list: messages in id order with a short time, your own ones marked (class `mine`)
 * with a status ("sending" until the server answers the request, then "sent"), notices, and
 * scrolling that stays pinned to the newest message while you are at the bottom. When you have
 * scrolled up to read, new messages do not move you: a "new messages" button appears instead.
 */
import { tether } from "@tether/protocol/gen/chat";

const chat = tether.chat;
type ChatMsg = tether.chat.ChatMsg;
type Kind = tether.chat.Kind;

/** An own message on screen: `li` has no data-id until its push (or the room's history) comes. */
interface Outgoing {
  readonly li: HTMLLIElement;
  readonly kind: Kind;
  readonly body: string;
  matched: boolean;
}

/** 14:05, in local time. */
export function shortTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

const PIN_SLACK_PX = 24; // closer than this to the bottom counts as "at the bottom"

export class MessageList {
  private readonly shown = new Set<number>(); // message ids on screen: a snapshot and replays never double them
  private outgoing: Outgoing[] = []; // own messages not yet matched with their push, oldest first
  private pinned = true;
  private room = "";
  private me = "";

  constructor(
    private readonly list: HTMLOListElement,
    private readonly jump: HTMLButtonElement,
  ) {
    list.addEventListener("scroll", () => {
      this.pinned = this.atBottom();
      if (this.pinned) jump.hidden = true;
    });
    jump.addEventListener("click", () => this.scrollToEnd());
  }

  /** Empties the list for `room`, where you are `me`. */
  reset(room: string, me: string): void {
    this.room = room;
    this.me = me;
    this.shown.clear();
    this.outgoing = [];
    this.list.replaceChildren();
    this.scrollToEnd();
  }

  /** A message of the room (a push, the snapshot's or a query's history). */
  add(m: ChatMsg): void {
    if (m.room !== this.room || this.shown.has(m.id)) return;
    this.shown.add(m.id);
    const follow = this.atBottom(); // measured before the list grows
    const mine = m.from === this.me;
    const out = mine ? this.outgoing.find((o) => !o.matched && o.kind === m.kind && o.body === m.body) : undefined;
    let li: HTMLLIElement;
    if (out) {
      // Your message, already on screen since you sent it: it now has its place and the server's time.
      out.matched = true;
      this.outgoing = this.outgoing.filter((o) => o !== out);
      li = out.li;
      li.classList.remove("unsent");
      this.setTime(li, m.ts);
    } else {
      li = this.render(m.from, m.kind, m.body, m.ts, mine);
    }
    li.dataset.id = String(m.id);
    // In id order: a room's history that comes after a resume may hold older messages.
    const later = [...this.list.querySelectorAll<HTMLLIElement>("li[data-id]")].find(
      (e) => e !== li && Number(e.dataset.id) > m.id,
    );
    const unsent = this.list.querySelector<HTMLLIElement>("li.unsent");
    if (later) later.before(li);
    else if (unsent && unsent !== li) unsent.before(li);
    else if (!li.isConnected) this.list.append(li);
    this.settle(follow);
  }

  /** A system line (joins, leaves, errors). */
  notice(text: string): void {
    const follow = this.atBottom();
    const li = document.createElement("li");
    li.className = "notice";
    li.textContent = text;
    const time = document.createElement("time");
    const now = new Date();
    time.dateTime = now.toISOString();
    time.textContent = shortTime(now);
    li.append(" ", time);
    this.list.append(li);
    this.settle(follow);
  }

  /**
   * Shows a message you send at once, as "sending": the request may wait in the client's queue
   * (offline, reconnecting). It turns "sent" when `answer` resolves; when it fails, the message
   * goes and a notice says why (unless its push came, which means the room has it).
   */
  track(kind: Kind, body: string, answer: Promise<unknown>): void {
    const li = this.render(this.me, kind, body, 0, true);
    li.classList.add("unsent");
    this.setStatus(li, "sending");
    const out: Outgoing = { li, kind, body, matched: false };
    this.outgoing.push(out);
    this.list.append(li);
    this.settle(true);
    answer.then(
      () => this.setStatus(li, "sent"),
      (err: unknown) => {
        if (out.matched) {
          this.setStatus(li, "sent");
          return;
        }
        this.outgoing = this.outgoing.filter((o) => o !== out);
        li.remove();
        this.notice(`not sent: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  }

  private render(from: string, kind: Kind, text: string, ts: number, mine: boolean): HTMLLIElement {
    const li = document.createElement("li");
    li.className = mine ? "msg mine" : "msg";
    const meta = document.createElement("div");
    meta.className = "meta";
    const who = document.createElement("span");
    who.className = "from";
    who.textContent = from;
    const time = document.createElement("time");
    meta.append(who, time);
    li.append(meta);
    this.setTime(li, ts);
    if (kind === chat.Kind.KIND_IMAGE) {
      const img = document.createElement("img");
      img.src = text;
      img.alt = "image";
      // An image grows the list once loaded: keep the newest message in view.
      img.addEventListener("load", () => this.settle(this.pinned));
      li.append(img);
    } else if (kind === chat.Kind.KIND_LINK) {
      const a = document.createElement("a");
      a.href = text;
      a.textContent = text;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      li.append(a);
    } else {
      const span = document.createElement("span");
      span.className = kind === chat.Kind.KIND_EMOJI ? "emoji body" : "body";
      span.textContent = text;
      li.append(span);
    }
    return li;
  }

  /** The server's time when the message has one, else now (when it is received or sent). */
  private setTime(li: HTMLLIElement, ts: number): void {
    const time = li.querySelector("time");
    if (!time) return;
    const d = ts > 0 ? new Date(ts) : new Date();
    time.dateTime = d.toISOString();
    time.textContent = shortTime(d);
    time.title = d.toLocaleString();
  }

  private setStatus(li: HTMLLIElement, status: "sending" | "sent"): void {
    li.dataset.status = status;
    let span = li.querySelector<HTMLSpanElement>(".status");
    if (!span) {
      span = document.createElement("span");
      span.className = "status";
      li.querySelector(".meta")?.append(span);
    }
    span.textContent = status === "sending" ? "sending…" : "sent ✓";
  }

  private atBottom(): boolean {
    return this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < PIN_SLACK_PX;
  }

  private scrollToEnd(): void {
    this.list.scrollTop = this.list.scrollHeight;
    this.pinned = true;
    this.jump.hidden = true;
  }

  /**
   * After the list changed: follow the newest message when you were at the bottom (or just sent
   * one), else offer to. "At the bottom" is measured before the change: a scroll event may not
   * have come yet.
   */
  private settle(follow: boolean): void {
    if (follow) this.scrollToEnd();
    else if (!this.atBottom()) this.jump.hidden = false;
  }
}
