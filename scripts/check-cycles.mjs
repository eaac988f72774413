// Fails when the sources of a package import each other in a cycle, type-only imports included
// (dpdm reads the TypeScript import graph). Prints the cycles it finds and exits 1.
import { spawnSync } from "node:child_process";

const dpdm = "node_modules/.bin/dpdm";
const r = spawnSync(
  dpdm,
  ["--no-warning", "--no-tree", "--no-progress", "--exit-code", "circular:1", "packages/*/src/**/*.ts"],
  { encoding: "utf8" },
);
if (r.status !== 0) {
  console.log(`import cycles in packages/*/src (type-only imports included):\n${r.stdout}${r.stderr}`);
  process.exit(1);
}
console.log("no import cycles in packages/*/src (type-only imports included)");
