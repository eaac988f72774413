// `npm run echo -- [flags]`: builds what the example needs (a line saying so, then the build's
// output, all on stderr, so the example's stdout carries only its own lines), then runs the
// example in this process so that SIGTERM and SIGINT reach it directly.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [name, ...args] = process.argv.slice(2);
if (!name) {
  process.stderr.write("usage: node scripts/run-example.mjs <example> [flags]\n");
  process.exit(2);
}
process.stderr.write(`building the ${name} example and what it needs (turbo)...\n`);
const build = spawnSync(
  join(root, "node_modules", ".bin", "turbo"),
  ["run", "build", `--filter=@tether/${name}...`, "--output-logs=errors-only"],
  { cwd: root, stdio: ["ignore", process.stderr, process.stderr] },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const mod = await import(pathToFileURL(join(root, "examples", name, "dist", "main.js")).href);
await mod.main(args);
