/**
 * req/resp: 100 connections x 8 requests in flight, 64-byte payloads, 1.5 s warm-up, 4 s
 * measured. Tether answers route 1000 with the payload; the raw ws server echoes each binary
 * message. Sealed: Tether with the cipher negotiated in the handshake; the ws server opens and
 * seals every message with the same AEAD (lib/aead.ts). Each variant runs three times,
 * alternating the two servers (see ROUNDS).
 */
import { type AeadAlgorithm, CipherAlgorithm, FrameType } from "@tether/protocol";
import type { WebSocket } from "ws";
import { type BaselineCipher, CounterAead } from "../lib/aead.js";
import { type ServerKind, ServerProcess } from "../lib/process.js";
import { line, percentile, type Row, until } from "../lib/report.js";
import { openSocket, TetherLink } from "../load/links.js";

const CLIENTS = 100;
const IN_FLIGHT = 8;
const WARMUP_MS = 1500;
const MEASURE_MS = 4000;

export interface ReqRespResult {
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuUsPerRequest: number;
}

const CIPHERS: Record<BaselineCipher, AeadAlgorithm> = {
  "chacha20-poly1305": CipherAlgorithm.CIPHER_CHACHA20_POLY1305 as AeadAlgorithm,
  "aes-256-gcm": CipherAlgorithm.CIPHER_AES_256_GCM as AeadAlgorithm,
};

export async function measureReqResp(kind: ServerKind, cipher?: BaselineCipher): Promise<ReqRespResult> {
  const server = await ServerProcess.start(kind, cipher && kind === "ws" ? ["--cipher", cipher] : []);
  const payload = new Uint8Array(64).fill(7);
  let measuring = false;
  let running = true;
  let done = 0;
  const latencies: number[] = [];
  const answered = (sentAt: number) => {
    if (!measuring) return;
    done++;
    latencies.push(performance.now() - sentAt);
  };
  const sockets: WebSocket[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    if (kind === "ws") {
      const ws = await openSocket(server.url);
      sockets.push(ws);
      const aead = cipher ? new CounterAead(cipher, "client") : undefined;
      const sent: number[] = [];
      const fire = () => {
        sent.push(performance.now());
        ws.send(aead ? aead.seal(payload) : payload);
      };
      ws.on("message", (data: Buffer) => {
        if (aead) aead.open(data);
        answered(sent.shift() ?? 0);
        if (running) fire();
      });
      for (let k = 0; k < IN_FLIGHT; k++) fire();
    } else {
      const link = await TetherLink.open(server.url, i + 1, cipher ? { cipher: CIPHERS[cipher] } : {});
      sockets.push(link.ws);
      const sent = new Map<number, number>();
      const fire = () => {
        const seq = link.nextSeq();
        sent.set(seq, performance.now());
        link.sendRequest(1000, seq, payload);
      };
      link.onFrame = (f) => {
        if (f.type !== FrameType.RESP) return;
        answered(sent.get(f.seq) ?? 0);
        sent.delete(f.seq);
        if (running) fire();
      };
      for (let k = 0; k < IN_FLIGHT; k++) fire();
    }
  }
  await until(WARMUP_MS);
  const cpu0 = server.cpuSeconds();
  const t0 = performance.now();
  measuring = true;
  await until(MEASURE_MS);
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = server.cpuSeconds() - cpu0;
  running = false;
  for (const ws of sockets) ws.terminate();
  await server.stop();
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSec: done / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuUsPerRequest: (cpu / done) * 1e6,
  };
}

const describe = (r: ReqRespResult) =>
  `${r.requestsPerSec.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${r.cpuUsPerRequest.toFixed(1)} µs CPU/req`;

/**
 * The servers share two cores with the load generator, so one run can be off by a third; each
 * variant runs ROUNDS times, alternating ws and Tether, and the run with the median CPU per
 * request of each side is reported.
 */
const ROUNDS = 3;

function median(runs: ReqRespResult[]): ReqRespResult {
  const sorted = [...runs].sort((a, b) => a.cpuUsPerRequest - b.cpuUsPerRequest);
  return sorted[Math.floor(sorted.length / 2)] as ReqRespResult;
}

async function variant(name: string, cipher?: BaselineCipher): Promise<{ ws: ReqRespResult; tether: ReqRespResult }> {
  const ws: ReqRespResult[] = [];
  const tether: ReqRespResult[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    ws.push(await measureReqResp("ws", cipher));
    line({ scenario: `req/resp ${name}`, target: "ws", round, ...ws[ws.length - 1] });
    tether.push(await measureReqResp("tether", cipher));
    line({ scenario: `req/resp ${name}`, target: "tether", round, ...tether[tether.length - 1] });
  }
  return { ws: median(ws), tether: median(tether) };
}

export async function reqResp(): Promise<Row[]> {
  const rows: Row[] = [];
  const plain = await variant("plaintext");
  const ratio = plain.tether.cpuUsPerRequest / plain.ws.cpuUsPerRequest;
  rows.push({
    scenario: "req/resp plaintext",
    tether: describe(plain.tether),
    ws: describe(plain.ws),
    measure: "CPU/req",
    ratio,
    target: "<= 1.3x",
    met: ratio <= 1.3,
  });
  for (const cipher of ["chacha20-poly1305", "aes-256-gcm"] as const) {
    const sealed = await variant(cipher, cipher);
    const r = sealed.tether.cpuUsPerRequest / sealed.ws.cpuUsPerRequest;
    const vsPlain = sealed.tether.cpuUsPerRequest / plain.ws.cpuUsPerRequest;
    rows.push({
      scenario: `req/resp ${cipher}`,
      tether: `${describe(sealed.tether)}; ${vsPlain.toFixed(2)}x the plaintext ws CPU/req`,
      ws: `${describe(sealed.ws)} (same AEAD)`,
      measure: "CPU/req",
      ratio: r,
      target: "<= 1.6x",
      met: r <= 1.6,
    });
  }
  return rows;
}
