/**
 * `npm run bench [-- <scenario>...]`: runs the scenarios against Tether and against a raw `ws`
 * server doing the equivalent work, in the same run, each server in its own process and the
 * load generator in this one (see lib/process.ts for how servers are driven and measured).
 * Prints one JSON line per measurement, then a markdown table with the ratios and the targets;
 * both also go to `.bench-results/` at the repository root. Exits 1 when a target is not met.
 *
 * Scenarios: req-resp, broadcast, topic, idle-memory, resume-storm, active-memory, connect-storm,
 * game-tick, client-cost (default: all). Each is documented in the header of its file.
 * On request only (they need Redis): the cluster scenarios; the group `cluster` runs them all.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { machine } from "./harness.js";
import { pinLoadGenerator } from "./lib/process.js";
import { markdown, type Row, SetupError } from "./lib/report.js";
import { activeMemory } from "./scenarios/active-memory.js";
import { clientCost } from "./scenarios/client-cost.js";
import { clusterLatency } from "./scenarios/cluster-latency.js";
import { clusterPush } from "./scenarios/cluster-push.js";
import { clusterResume } from "./scenarios/cluster-resume.js";
import { clusterScaling } from "./scenarios/cluster-scaling.js";
import { connectStorm } from "./scenarios/connect-storm.js";
import { fanOut } from "./scenarios/fan-out.js";
import { gameTick } from "./scenarios/game-tick.js";
import { idleMemory } from "./scenarios/idle-memory.js";
import { reqResp } from "./scenarios/req-resp.js";
import { resumeStorm } from "./scenarios/resume-storm.js";

const SCENARIOS: Record<string, () => Promise<Row[]>> = {
  "req-resp": reqResp,
  broadcast: () => fanOut(false),
  topic: () => fanOut(true),
  "idle-memory": idleMemory,
  "resume-storm": resumeStorm,
  "active-memory": activeMemory,
  "connect-storm": connectStorm,
  "game-tick": gameTick,
  "client-cost": clientCost,
};
/** Scenarios run only when named (they need a service: Redis). */
const ON_REQUEST: Record<string, () => Promise<Row[]>> = {
  ...clusterScaling,
  "cluster-resume": clusterResume,
  "cluster-push": clusterPush,
  "cluster-latency": clusterLatency,
};

/** `npm run bench -- cluster`: every cluster scenario (all need Redis), never in the default run. */
const GROUPS: Record<string, string[]> = { cluster: Object.keys(ON_REQUEST).filter((n) => n.startsWith("cluster-")) };
const asked = process.argv.slice(2).flatMap((name) => GROUPS[name] ?? [name]);
for (const name of asked) {
  if (!(name in SCENARIOS) && !(name in ON_REQUEST)) {
    console.error(
      `unknown scenario ${name}; known: ${[...Object.keys(SCENARIOS), ...Object.keys(ON_REQUEST)].join(", ")}`,
    );
    process.exit(2);
  }
}
const pinning = pinLoadGenerator();
const started = Date.now();
const lines: string[] = [];
const log = console.log;
console.log = (...args: unknown[]) => {
  lines.push(args.map(String).join(" "));
  log(...args);
};
const rows: Row[] = [];
for (const name of asked.length > 0 ? asked : Object.keys(SCENARIOS)) {
  try {
    rows.push(...(await ((SCENARIOS[name] ?? ON_REQUEST[name]) as () => Promise<Row[]>)()));
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    console.error(`bench: ${name} cannot run here: ${e.message}`);
    process.exit(1);
  }
}
const table = [
  `Machine: ${machine()}; ${pinning}`,
  `Date: ${new Date().toISOString().slice(0, 10)}`,
  `Duration: ${((Date.now() - started) / 1000).toFixed(0)} s`,
  "",
  markdown(rows),
].join("\n");
console.log = log;
console.log(`\n${table}`);

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", ".bench-results");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "latest.jsonl"), `${lines.join("\n")}\n`);
writeFileSync(join(out, "latest.md"), `${table}\n`);
process.exit(rows.every((r) => r.met !== false) ? 0 : 1);
