// Fails when regenerating the committed protobuf code (packages/*/src/gen) would change it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const committed = "packages/protocol/src/gen";
const scratch = mkdtempSync(join(tmpdir(), "tether-gen-check-"));
try {
  execFileSync("node", ["packages/protocol/scripts/generate.mjs", "--out", scratch], { stdio: "inherit" });
  const fresh = readdirSync(scratch).sort();
  const have = readdirSync(committed).sort();
  const problems = [];
  for (const f of new Set([...fresh, ...have])) {
    if (!fresh.includes(f)) problems.push(`${committed}/${f} is not produced by the generator`);
    else if (!have.includes(f)) problems.push(`${committed}/${f} is missing`);
    else if (!readFileSync(join(scratch, f)).equals(readFileSync(join(committed, f)))) {
      problems.push(`${committed}/${f} differs from a fresh generation`);
    }
  }
  if (problems.length > 0) {
    console.error(`generated code is stale (run \`npm run generate\`):\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log("generated code is up to date");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
