/**
 * The arena page. The server decides everything; the page sends input, draws the positions the
 * tick pushes carry, and keeps a model of the world from the snapshot and the reliable events.
 * The client's record and the model live in sessionStorage, so a reload of this tab resumes the
 * session and gets only what it missed (the lab panel shows how many pushes that was).
 */
import { localStorageStore, TetherClient } from "@tether/client";
import { tether } from "@tether/protocol/gen/arena";
import { labTransport, pageSocketUrl } from "@tether/web-host/browser";
import { Msg } from "../src/arena-messages.js";
import { ArenaModel, type SavedModel } from "../src/arena-model.js";
import { INPUT_EVERY_MS } from "../src/rules.js";
import { PlayerInput } from "./input.js";
import { LabPanel } from "./lab.js";
import { hex, Renderer } from "./render.js";

const arena = tether.arena;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const KEYS = { name: "arena/name", model: "arena/model", record: "arena/tether" };

const model = new ArenaModel();
const canvas = $<HTMLCanvasElement>("canvas");
const renderer = new Renderer(canvas, model);
const lab = new LabPanel();
const net = labTransport();
let client: TetherClient | undefined;
let me = 0;
let node = "";
/** What the state badge says once ready: "connected", or what the last resume did. */
let readyText = "connected";
let toastTimer: ReturnType<typeof setTimeout> | undefined;

const input = new PlayerInput(
  canvas,
  () => model.positions.get(me),
  (d) => {
    if (client?.state.kind === "ready") client.notify(Msg.INPUT, arena.InputReq, d);
  },
  () => void zap(),
);

function setState(text: string, kind: string): void {
  const badge = $("state");
  badge.textContent = text;
  badge.dataset.kind = kind;
}

function toast(text: string, kind = "ok"): void {
  const t = $("toast");
  t.textContent = text;
  t.dataset.kind = kind;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), 4000);
}

function saveModel(): void {
  sessionStorage.setItem(KEYS.model, JSON.stringify(model.save()));
}

/** The model this tab saved, if any; without one, the client's record is dropped too (a fresh sync). */
function restoreModel(): void {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEYS.model) ?? "null") as SavedModel | null;
    if (saved && typeof saved.revision === "number" && Array.isArray(saved.players) && Array.isArray(saved.coins)) {
      model.load(saved);
      return;
    }
  } catch {}
  sessionStorage.removeItem(KEYS.record);
}

function showScores(): void {
  const rows = [...model.players.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  $("scores").replaceChildren(
    ...rows.map((p) => {
      const li = document.createElement("li");
      if (p.id === me) li.className = "me";
      const dot = document.createElement("span");
      dot.className = "dot";
      dot.style.background = hex(p.color);
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = p.bot ? `${p.name} (bot)` : p.id === me ? `${p.name} (you)` : p.name;
      const score = document.createElement("span");
      score.className = "score";
      score.textContent = String(p.score);
      li.append(dot, name, score);
      return li;
    }),
  );
}

/** Which node serves the connection (shown in cluster mode) and who the player is. */
async function whereAmI(): Promise<void> {
  if (!client) return;
  const here = await client.request(Msg.HERE, arena.HereReq, {}, arena.HereResp);
  me = here.playerId;
  node = here.nodeId;
  $("node").textContent = node;
  for (const el of document.querySelectorAll<HTMLElement>(".node-row")) el.hidden = node === "";
  const kill = $<HTMLButtonElement>("kill");
  kill.hidden = !here.canKill;
  kill.disabled = false;
  showScores();
}

async function zap(): Promise<void> {
  if (client?.state.kind !== "ready") return;
  await client.request(Msg.ZAP, arena.ZapReq, {}, arena.ZapResp).catch(() => {});
}

async function measureRtt(): Promise<void> {
  if (client?.state.kind !== "ready") return;
  const t0 = performance.now();
  await client.request(Msg.PING, arena.PingReq, {}, arena.PingResp);
  lab.rttMs = performance.now() - t0;
  lab.show(client, model.revision);
}

function connectClient(name: string): TetherClient {
  const c = new TetherClient({
    url: pageSocketUrl(),
    token: name,
    transport: net.factory,
    store: localStorageStore(KEYS.record, sessionStorage),
  });
  c.onSnapshot((bytes) => {
    model.applySnapshot(arena.ArenaSnapshot.decode(bytes));
    saveModel();
    lab.show(c, model.revision);
    showScores();
  });
  c.onPush(Msg.EVENT, arena.WorldEvent, (e, meta) => {
    if (!model.apply(meta.rev, e)) return;
    saveModel();
    lab.show(c, model.revision);
    if (e.hit) renderer.zapped(e.hit.attacker ?? 0);
    showScores();
  });
  c.onPush(Msg.POSITIONS, arena.StatePush, (p) => model.applyPositions(p));
  c.on("state", (s) => {
    if (s.kind === "ready") {
      setState(readyText, "ready");
      input.resend();
    } else if (s.kind === "reconnecting") {
      readyText = "connected";
      setState(`reconnecting (attempt ${s.attempt})`, s.kind);
    } else if (s.kind === "closed") {
      setState(`closed (${s.code})`, s.kind);
      lab.note(`closed ${s.code} ${s.reason}`);
    } else setState(s.kind, s.kind);
  });
  c.on("resumed", (e) => {
    lab.replayed = e.replayed;
    lab.show(c, model.revision);
    readyText = `resumed, ${e.replayed} replayed`;
    lab.note(`resumed session, ${e.replayed} pushes replayed`);
    toast(readyText);
    // In cluster mode, say on which node it continues.
    void whereAmI().then(
      () => {
        if (node === "") return;
        readyText = `resumed on ${node}, ${e.replayed} replayed`;
        if (c.state.kind === "ready") setState(readyText, "ready");
        toast(readyText);
      },
      () => {},
    );
  });
  c.on("synced", (e) => {
    lab.note(`snapshot applied at revision ${e.revision}`);
    if (lab.replayed !== undefined || readyText !== "connected") toast("re-synced from a snapshot", "sync");
  });
  c.on("kicked", (e) => lab.note(`kicked: ${e.code} ${e.reason}`));
  c.on("error", (e) => lab.note(`error: ${e.error.message}`));
  return c;
}

async function play(name: string): Promise<void> {
  sessionStorage.setItem(KEYS.name, name);
  restoreModel();
  client = connectClient(name);
  await client.connect();
  await whereAmI();
  $("join").hidden = true;
  for (const id of ["zap", "cut", "offline", "reload"]) $<HTMLButtonElement>(id).disabled = false;
  (window as unknown as Record<string, unknown>).arenaReady = true;
}

$<HTMLFormElement>("join").addEventListener("submit", (e) => {
  e.preventDefault();
  play($<HTMLInputElement>("name").value.trim()).catch((err: unknown) => {
    setState(`error: ${(err as Error).message}`, "closed");
    sessionStorage.removeItem(KEYS.name);
    client?.close();
    client = undefined;
  });
});

$("zap").addEventListener("click", () => void zap());
$("cut").addEventListener("click", () => {
  lab.note("connection cut");
  net.cut();
});
$("reload").addEventListener("click", () => location.reload());

/** Offline for n seconds: every attempt fails meanwhile; then reconnect at once. */
function goOffline(seconds: number): void {
  const button = $<HTMLButtonElement>("offline");
  button.disabled = true;
  net.setOffline(true);
  lab.note(`offline for ${seconds} s`);
  let left = seconds;
  button.textContent = `Offline (${left} s)`;
  const timer = setInterval(() => {
    left--;
    if (left > 0) {
      button.textContent = `Offline (${left} s)`;
      return;
    }
    clearInterval(timer);
    net.setOffline(false);
    button.textContent = "Go offline for";
    button.disabled = false;
    lab.note("back online");
    client?.reconnectNow();
  }, 1000);
}
$("offline").addEventListener("click", () => {
  const n = Math.round(Number($<HTMLInputElement>("offline-seconds").value));
  goOffline(Math.max(1, Math.min(60, Number.isFinite(n) ? n : 5)));
});

$("kill").addEventListener("click", () => {
  if (client?.state.kind !== "ready") return;
  $<HTMLButtonElement>("kill").disabled = true;
  $("node").textContent = `${node} (killed)`;
  client.notify(Msg.KILL, arena.Empty, {});
});

// The server forgets input older than INPUT_TTL_MS (so that a player whose connection is gone
// stops): the page says where it is going twice a second.
setInterval(() => {
  if (client?.state.kind === "ready") input.resend();
}, INPUT_EVERY_MS);
setInterval(() => void measureRtt().catch(() => {}), 1000);
setInterval(() => lab.show(client, model.revision), 200);
const frame = () => {
  input.update();
  renderer.draw(me);
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);

// A reload of this tab plays on as the same player, resuming its session.
const stored = sessionStorage.getItem(KEYS.name);
if (stored) {
  $<HTMLInputElement>("name").value = stored;
  play(stored).catch((err: unknown) => setState(`error: ${(err as Error).message}`, "closed"));
}

/** For the tests: what the page knows, and the network switches without the buttons' timers. */
(window as unknown as Record<string, unknown>).arenaPage = {
  model,
  lab,
  me: () => me,
  client: () => client,
  cut: () => net.cut(),
  setOffline: (offline: boolean) => {
    net.setOffline(offline);
    if (!offline) client?.reconnectNow();
  },
};
