// `npm run cluster -- [flags]`: the showcase (landing page, chat, arena) in cluster mode on three
// nodes (examples/showcase/src/cluster.ts). Builds what it needs (build output goes to stderr, so
// stdout carries only the proxy's URL), makes sure a Redis answers (scripts/ensure-redis.mjs: a
// local redis-server is started when nothing answers on 127.0.0.1:6379, and left running), then
// runs the launcher in this process so that SIGINT and SIGTERM reach it directly.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const toStderr = { cwd: root, stdio: ["ignore", process.stderr, process.stderr] };
process.stderr.write("cluster: building the showcase and what it needs (turbo)...\n");
const build = spawnSync(
  join(root, "node_modules", ".bin", "turbo"),
  ["run", "build", "--filter=@tether/showcase...", "--output-logs=errors-only"],
  toStderr,
);
if (build.status !== 0) process.exit(build.status ?? 1);
const redis = spawnSync(process.execPath, [join(root, "scripts", "ensure-redis.mjs")], toStderr);
if (redis.status !== 0) process.exit(redis.status ?? 1);
const mod = await import(pathToFileURL(join(root, "examples", "showcase", "dist", "cluster.js")).href);
await mod.main(process.argv.slice(2));
