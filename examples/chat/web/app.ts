/**
 * The chat page: joins a room, shows messages of every kind, a typing indicator, who is online,
 * and the connection state (connected, reconnecting, resumed with N replayed). Everything goes
 * through @tether/client; the page keeps no state the server cannot rebuild with a snapshot.
 * In cluster mode (`npm run cluster`) it also shows which node serves it, and the demo's
 * "kill this node" button.
 */
import { TetherClient } from "@tether/client";
import { tether } from "@tether/protocol/gen/chat";
import { labTransport, pageSocketUrl } from "@tether/web-host/browser";
import { MessageList } from "./list.js";

const chat = tether.chat;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = new MessageList($<HTMLOListElement>("messages"), $<HTMLButtonElement>("new-messages"));
const stateBadge = $<HTMLSpanElement>("state");
let client: TetherClient | undefined;
let room = "";
let typingTimer: ReturnType<typeof setTimeout> | undefined;
let lastTypingSent = 0;
let node = ""; // the node serving this page's connection, in cluster mode
let me = ""; // the nickname the client logged in with (a later Join only changes the room)

// A transport the page (and its tests) can cut or take offline: while offline, every attempt
// fails as a lost connection would.
const net = labTransport();
const w = window as unknown as Record<string, unknown>;
w.goOffline = () => net.setOffline(true);
w.goOnline = () => net.setOffline(false);

/** The Tether server beside the page ("ws" relative to it): the page works under any prefix. */
function setState(text: string, kind: string): void {
  stateBadge.textContent = text;
  stateBadge.dataset.kind = kind;
}

function setOnline(names: readonly string[]): void {
  const ul = $<HTMLUListElement>("online");
  ul.replaceChildren(
    ...[...new Set(names)].sort().map((n) => {
      const li = document.createElement("li");
      li.textContent = n;
      return li;
    }),
  );
}

async function refreshOnline(): Promise<void> {
  if (!client || !room) return;
  setOnline((await client.request(1103, chat.OnlineReq, { room }, chat.OnlineResp)).names);
}

/**
 * Which node serves this connection (route 1104; "" outside cluster mode). A session that lost
 * its room with a crashed node joins it again there, with the room's recent history.
 */
async function whereAmI(): Promise<string> {
  if (!client || !room) return "";
  const here = await client.request(1104, chat.HereReq, { room }, chat.HereResp);
  for (const m of here.history) list.add(chat.ChatMsg.create(m));
  if (here.rejoined) void refreshOnline();
  node = here.nodeId;
  $("node").textContent = node;
  $("node-box").hidden = node === "";
  const kill = $<HTMLButtonElement>("kill");
  kill.hidden = !here.canKill;
  kill.disabled = false;
  return node;
}

async function join(name: string, roomName: string): Promise<void> {
  if (!client) {
    me = name;
    client = new TetherClient({ url: pageSocketUrl(), token: name, transport: net.factory });
    let resumedText: string | undefined;
    // After a resume or a re-sync, in cluster mode: say on which node.
    const showNode = (text: (node: string) => string) =>
      whereAmI().then(
        (n) => {
          if (n === "") return;
          resumedText = text(n);
          if (client?.state.kind === "ready") setState(resumedText, "ready");
        },
        () => {},
      );
    client.on("state", (s) => {
      // "ready" follows the resume: keep showing what the resume did.
      if (s.kind === "ready") setState(resumedText ?? "connected", s.kind);
      else if (s.kind === "reconnecting") setState(`reconnecting (attempt ${s.attempt})`, s.kind);
      else if (s.kind === "closed") setState(`closed (${s.code})`, s.kind);
      else setState(s.kind, s.kind);
    });
    // The connection's history, for debugging from the console (window.stateLog).
    const log: string[] = [];
    w.stateLog = log;
    client.on("state", (s) => log.push(s.kind === "closed" ? `closed ${s.code}` : s.kind));
    client.on("error", (e) => log.push(`error ${e.error.message}`));
    client.on("resumed", (e) => {
      log.push(`resumed ${e.replayed}`);
      resumedText = `resumed, ${e.replayed} replayed`;
      void refreshOnline();
      void showNode((n) => `resumed on ${n}, ${e.replayed} replayed`);
    });
    // Durability "memory": the sessions of a killed node continue elsewhere from a snapshot.
    client.on("synced", () => {
      if (node !== "") void showNode((n) => `re-synced from a snapshot on ${n}`);
    });
    client.onSnapshot((bytes) => {
      const snap = chat.ChatSnapshot.decode(bytes);
      if (snap.room && snap.room === room) {
        for (const m of snap.history) list.add(chat.ChatMsg.create(m));
        setOnline(snap.online);
      }
    });
    client.onPush(2101, chat.ChatMsg, (m) => list.add(m));
    client.onPush(2102, chat.Notice, (n) => {
      if (n.room === room) {
        list.notice(n.text);
        void refreshOnline();
      }
    });
    client.onPush(2103, chat.Typing, (t) => {
      if (t.room !== room || t.name === name) return;
      $("typing").textContent = `${t.name} is typing...`;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => ($("typing").textContent = ""), 2000);
    });
    await client.connect();
  }
  room = roomName;
  list.reset(roomName, me);
  const joined = await client.request(1100, chat.JoinReq, { room }, chat.JoinResp);
  $("room-name").textContent = joined.room;
  setOnline(joined.online);
  await whereAmI();
  for (const el of document.querySelectorAll<HTMLInputElement | HTMLButtonElement>("#send input, #send button")) {
    el.disabled = false;
  }
  $<HTMLInputElement>("body").focus();
  w.joined = true;
}

$<HTMLFormElement>("join").addEventListener("submit", (e) => {
  e.preventDefault();
  const name = $<HTMLInputElement>("name").value.trim();
  const roomName = $<HTMLInputElement>("room").value.trim();
  join(name, roomName).catch((err: unknown) => setState(`error: ${(err as Error).message}`, "closed"));
});

$<HTMLFormElement>("send").addEventListener("submit", (e) => {
  e.preventDefault();
  const input = $<HTMLInputElement>("body");
  const body = input.value.trim();
  if (!client || !body) return;
  const kind = Number($<HTMLSelectElement>("kind").value) as tether.chat.Kind;
  input.value = "";
  void send(kind, body).catch(() => {}); // the list shows what became of it
});

/** Sends a message: on screen at once as "sending" (the client queues it while offline), then "sent". */
function send(kind: tether.chat.Kind, body: string): Promise<unknown> {
  if (!client) return Promise.reject(new Error("not joined"));
  const answer = client.request(1101, chat.SendReq, { room, kind, body }, chat.Empty);
  list.track(kind, body, answer);
  return answer;
}

$<HTMLInputElement>("body").addEventListener("input", () => {
  const now = Date.now();
  if (client?.state.kind !== "ready" || now - lastTypingSent < 1000) return;
  lastTypingSent = now;
  client.notify(1102, chat.TypingReq, { room });
});

// The cluster demo: the node serving this page exits abruptly; the client resumes on another.
$<HTMLButtonElement>("kill").addEventListener("click", () => {
  if (client?.state.kind !== "ready") return;
  $<HTMLButtonElement>("kill").disabled = true;
  $("node").textContent = `${node} (killed)`;
  client.notify(1105, chat.Empty, {});
});

/** For tests and scripts: send a message as if typed. */
w.say = (body: string) => send(chat.Kind.KIND_TEXT, body);
