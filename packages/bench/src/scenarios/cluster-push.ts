/**
 * The cost of durability "log" (docs/cluster.md): one Tether node in cluster mode, 1,000
 * clients subscribed to one topic that acknowledge like the reference client, 1,000 reliable
 * publishes (one per event-loop turn, then ten per turn), with `--durability memory` and with
 * `--durability log` (every push appended to the session's Redis Stream before it is written to
 * its socket). Server CPU per delivered push (Redis's own CPU not counted), deliveries per
 * second and the p99 lag, log against memory.
 *
 * Not part of the default run (it needs Redis): `npm run bench -- cluster-push`.
 */
import { randomBytes } from "node:crypto";
import { line, type Row } from "../lib/report.js";
import { checkRedis, dropNamespace, REDIS_URL } from "./cluster-resume.js";
import { measureFanOut } from "./fan-out.js";

const MESSAGES = 1000;

async function measure(durability: "memory" | "log", perTurn: number) {
  const namespace = `tether-bench-${randomBytes(6).toString("hex")}`;
  try {
    const args = ["--redis", REDIS_URL, "--namespace", namespace, "--node-id", "a", "--durability", durability];
    const r = await measureFanOut("tether", true, MESSAGES, perTurn, args);
    return { ...r, cpuUsPerPush: (r.serverCpuSeconds / Math.max(1, r.delivered)) * 1e6 };
  } finally {
    await dropNamespace(namespace);
  }
}

export async function clusterPush(): Promise<Row[]> {
  await checkRedis();
  const rows: Row[] = [];
  for (const perTurn of [1, 10]) {
    const memory = await measure("memory", perTurn);
    line({ scenario: "cluster push", durability: "memory", perTurn, ...memory });
    const log = await measure("log", perTurn);
    line({ scenario: "cluster push", durability: "log", perTurn, ...log });
    const describe = (r: typeof memory) =>
      `${r.cpuUsPerPush.toFixed(1)} µs server CPU/push, ${r.deliveriesPerSec.toFixed(0)} deliveries/s, p99 lag ${r.p99LagMs.toFixed(0)} ms${r.delivered === r.expected ? "" : `, only ${r.delivered} of ${r.expected}`}`;
    rows.push({
      scenario: `reliable publish to 1000 sessions, ${perTurn} per turn: durability log vs memory`,
      tether: `log: ${describe(log)}; memory: ${describe(memory)}`,
      ws: "(Tether only)",
      measure: "CPU/push log vs memory",
      ratio: log.cpuUsPerPush / memory.cpuUsPerPush,
      target: "",
      met: log.delivered === log.expected && memory.delivered === memory.expected ? undefined : false,
    });
  }
  return rows;
}
