// Fails when the sources of a package import each other in a cycle (dpdm reads the TypeScript
// import graph). Every package is checked for runtime import cycles; the packages listed in
// TYPE_CLEAN are also checked with their type-only imports, which the others still have
// (see docs/architecture.md). Prints the cycles it finds and exits 1.
import { spawnSync } from "node:child_process";

const dpdm = "node_modules/.bin/dpdm";
const TYPE_CLEAN = ["protocol", "server", "client", "bench"];

const runs = [
  ["runtime imports, every package", ["-T", "packages/*/src/**/*.ts"]],
  [`type imports too: ${TYPE_CLEAN.join(", ")}`, [`packages/{${TYPE_CLEAN.join(",")}}/src/**/*.ts`]],
];

let failed = false;
for (const [what, args] of runs) {
  const r = spawnSync(dpdm, ["--no-warning", "--no-tree", "--no-progress", "--exit-code", "circular:1", ...args], {
    encoding: "utf8",
  });
  if (r.status !== 0) {
    failed = true;
    console.log(`import cycles (${what}):\n${r.stdout}${r.stderr}`);
  } else {
    console.log(`no import cycles (${what})`);
  }
}
process.exit(failed ? 1 : 0);
