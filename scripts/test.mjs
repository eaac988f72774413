// The repository's test command (`npm test`): generated-code check, import-cycle check, lint, build, type check,
// the packaging check, then every vitest suite. Ends with one line `N passed, N failed` and a non-zero exit code
// when anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ["generated code", "node", ["scripts/check-generated.mjs"]],
  ["import cycles", "node", ["scripts/check-cycles.mjs"]],
  ["lint", bin("biome"), ["check", "--error-on-warnings", "."]],
  ["build", bin("turbo"), ["run", "build", "--output-logs=errors-only"]],
  ["type check", bin("tsc"), ["-p", "tsconfig.json"]],
  // The browser entries of protocol and client compile without Node's types.
  ["type check without Node (protocol)", bin("tsc"), ["-p", "packages/protocol/tsconfig.browser.json"]],
  ["type check without Node (client)", bin("tsc"), ["-p", "packages/client/tsconfig.browser.json"]],
  // The public packages as a user gets them: packed, installed into a fresh project, type checked,
  // run (a server/client round trip with a resume) and require()d (scripts/check-packaging.mjs).
  ["packaging", "node", ["scripts/check-packaging.mjs"]],
  // Cluster-mode tests need a Redis: started here when none answers on the default address.
  ["redis", "node", ["scripts/ensure-redis.mjs"]],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) {
    console.log(`${name} failed`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

const report = ".test-results/vitest.json";
mkdirSync(".test-results", { recursive: true });
rmSync(report, { force: true });
console.log("\n== tests");
const run = spawnSync(
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed = result.numPassedTests;
  failed = result.numFailedTests;
  // A suite that fails to load has no failed test of its own: count it.
  failed += result.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
}
if (run.status !== 0 && failed === 0) failed = 1;
if (passed + failed === 0) failed = 1; // ran no test: that is a failure too
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
