/**
 * `npm run bench`: runs each scenario against Tether and against a raw `ws` server doing the
 * equivalent work, in the same run, servers and load generator in separate processes. Server CPU
 * time comes from /proc/<pid>/stat. Prints JSON lines, then a markdown table with the ratios.
 *
 * Scenarios so far:
 * - req/resp: 100 clients x 8 requests in flight, 64-byte payloads; plaintext and sealed with
 *   each cipher (Tether only; the baseline is plaintext ws): requests/s, p50/p99, server CPU
 *   per request.
 * - fan-out: 1,000 clients, 2,000 best-effort broadcasts: deliveries/s and p99 lag.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type AeadAlgorithm, CipherAlgorithm, FrameType } from "@tether/protocol";
import type { WebSocket } from "ws";
import { machine } from "./harness.js";
import { openSocket, TetherLink } from "./load/links.js";

const here = dirname(fileURLToPath(import.meta.url));
const TICKS_PER_SEC = 100; // Linux USER_HZ

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
}

function startServer(kind: "tether" | "ws"): Promise<Server> {
  const child = spawn(process.execPath, [join(here, "servers", `${kind}-server.js`)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ child, url: `ws://127.0.0.1:${m[1]}${kind === "tether" ? "/ws" : ""}` });
    });
    child.once("exit", (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SEC; // utime + stime
}

function stop(s: Server): Promise<void> {
  return new Promise((resolve) => {
    s.child.once("exit", () => resolve());
    s.child.kill("SIGKILL");
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface ReqRespResult {
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuUsPerRequest: number;
}

const CLIENTS = 100;
const IN_FLIGHT = 8;
const WARMUP_MS = 1500;
const MEASURE_MS = 5000;

async function reqResp(kind: "tether" | "ws", cipher?: AeadAlgorithm): Promise<ReqRespResult> {
  const server = await startServer(kind);
  const payload = new Uint8Array(64).fill(7);
  let measuring = false;
  let done = 0;
  const latencies: number[] = [];
  let running = true;
  const sockets: WebSocket[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    if (kind === "ws") {
      const ws = await openSocket(server.url);
      sockets.push(ws);
      const sent: number[] = [];
      ws.on("message", () => {
        const t = sent.shift() ?? 0;
        if (measuring) {
          done++;
          latencies.push(performance.now() - t);
        }
        if (running) {
          sent.push(performance.now());
          ws.send(payload);
        }
      });
      for (let k = 0; k < IN_FLIGHT; k++) {
        sent.push(performance.now());
        ws.send(payload);
      }
    } else {
      const link = await TetherLink.open(server.url, i + 1, cipher);
      sockets.push(link.ws);
      const sent = new Map<number, number>();
      const fire = () => {
        const seq = link.nextSeq();
        sent.set(seq, performance.now());
        link.sendRequest(1000, seq, payload);
      };
      link.onFrame = (f) => {
        if (f.type !== FrameType.RESP) return;
        const t = sent.get(f.seq) ?? 0;
        sent.delete(f.seq);
        if (measuring) {
          done++;
          latencies.push(performance.now() - t);
        }
        if (running) fire();
      };
      for (let k = 0; k < IN_FLIGHT; k++) fire();
    }
  }
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  const cpu0 = cpuSeconds(server.child.pid as number);
  const t0 = performance.now();
  measuring = true;
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(server.child.pid as number) - cpu0;
  running = false;
  for (const ws of sockets) ws.terminate();
  await stop(server);
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSec: done / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuUsPerRequest: (cpu / done) * 1e6,
  };
}

interface FanOutResult {
  readonly deliveriesPerSec: number;
  readonly p99LagMs: number;
}

const FAN_CLIENTS = 1000;
const BROADCASTS = 2000;

async function fanOut(kind: "tether" | "ws"): Promise<FanOutResult> {
  const server = await startServer(kind);
  const lags: number[] = [];
  let received = 0;
  const expected = FAN_CLIENTS * BROADCASTS;
  let finish: () => void = () => {};
  const finished = new Promise<void>((r) => (finish = r));
  let last = 0;
  const onMessage = (bytes: Uint8Array) => {
    const sentAt = new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true);
    last = Date.now();
    lags.push(last - sentAt);
    if (++received === expected) finish();
  };
  const sockets: WebSocket[] = [];
  let control: (() => void) | undefined;
  for (let i = 0; i < FAN_CLIENTS; i++) {
    if (kind === "ws") {
      const ws = await openSocket(server.url);
      sockets.push(ws);
      ws.on("message", (d: Buffer) => onMessage(d));
      control ??= () => ws.send(`broadcast ${BROADCASTS}`);
    } else {
      const link = await TetherLink.open(server.url, i + 1);
      sockets.push(link.ws);
      link.onFrame = (f) => {
        if (f.type === FrameType.PUSH && f.msgId === 2000) onMessage(f.payload);
      };
      control ??= () => void link.call(1001, new TextEncoder().encode(String(BROADCASTS)));
    }
  }
  const t0 = Date.now();
  control?.();
  await Promise.race([finished, new Promise((r) => setTimeout(r, 120_000))]);
  const elapsed = (last - t0) / 1000;
  for (const ws of sockets) ws.terminate();
  await stop(server);
  lags.sort((a, b) => a - b);
  return { deliveriesPerSec: received / elapsed, p99LagMs: percentile(lags, 99) };
}

const rows: string[] = [];
const line = (o: object) => console.log(JSON.stringify(o));

const wsRR = await reqResp("ws");
line({ scenario: "req/resp", target: "ws", ...wsRR });
for (const [name, cipher] of [
  ["plaintext", undefined],
  ["chacha20-poly1305", CipherAlgorithm.CIPHER_CHACHA20_POLY1305 as AeadAlgorithm],
  ["aes-256-gcm", CipherAlgorithm.CIPHER_AES_256_GCM as AeadAlgorithm],
] as const) {
  const r = await reqResp("tether", cipher);
  line({ scenario: `req/resp ${name}`, target: "tether", ...r });
  rows.push(
    `| req/resp ${name} | ${r.requestsPerSec.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${r.cpuUsPerRequest.toFixed(1)} µs CPU/req | ${wsRR.requestsPerSec.toFixed(0)} req/s, p50 ${wsRR.p50Ms.toFixed(2)} ms, p99 ${wsRR.p99Ms.toFixed(2)} ms, ${wsRR.cpuUsPerRequest.toFixed(1)} µs CPU/req | CPU/req ${(r.cpuUsPerRequest / wsRR.cpuUsPerRequest).toFixed(2)}x |`,
  );
}
const wsFan = await fanOut("ws");
line({ scenario: "fan-out", target: "ws", ...wsFan });
const tFan = await fanOut("tether");
line({ scenario: "fan-out", target: "tether", ...tFan });
rows.push(
  `| fan-out best effort | ${tFan.deliveriesPerSec.toFixed(0)} deliveries/s, p99 lag ${tFan.p99LagMs.toFixed(0)} ms | ${wsFan.deliveriesPerSec.toFixed(0)} deliveries/s, p99 lag ${wsFan.p99LagMs.toFixed(0)} ms | deliveries/s ${(tFan.deliveriesPerSec / wsFan.deliveriesPerSec).toFixed(2)}x |`,
);

console.log(`\nMachine: ${machine()}\nDate: ${new Date().toISOString().slice(0, 10)}\n`);
console.log("| scenario | Tether | raw ws | ratio |\n|---|---|---|---|");
for (const r of rows) console.log(r);
