// Generates the static protobufjs code under src/gen/ from the repository's proto/ files.
// The output is committed; CI regenerates it and fails when anything changes.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(pkg, "..", "..");
// `--out DIR` writes elsewhere (the generated-code check compares that with src/gen).
const outFlag = process.argv.indexOf("--out");
const outDir = outFlag > 0 ? process.argv[outFlag + 1] : join(pkg, "src", "gen");
if (!outDir) throw new Error("--out needs a directory");
const bin = (name) => join(repo, "node_modules", ".bin", name);

// name -> proto file. The protobufjs root name keeps each file's namespace separate.
const targets = [
  { name: "system", proto: "proto/tether/system.proto" },
  { name: "echo", proto: "proto/examples/echo.proto" },
  { name: "chat", proto: "proto/examples/chat.proto" },
  { name: "arena", proto: "proto/examples/arena.proto" },
];

const pbjsArgs = (name, proto, out, comments) => [
  "-t",
  "static-module",
  "-w",
  "es6",
  "--force-number",
  ...(comments ? [] : ["--no-comments"]),
  "--no-verify",
  "--no-delimited",
  "--no-typeurl",
  "--no-service",
  "--no-convert",
  "--dependency",
  "../protobuf-runtime.js",
  "-r",
  `tether_${name}`,
  "-o",
  out,
  join(repo, proto),
];

mkdirSync(outDir, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), "tether-gen-"));
try {
  for (const { name, proto } of targets) {
    const js = join(outDir, `${name}.js`);
    const dts = join(outDir, `${name}.d.ts`);
    // pbts reads the JSDoc comments; the committed .js leaves them out to stay small.
    const commented = join(scratch, `${name}.js`);
    execFileSync(bin("pbjs"), pbjsArgs(name, proto, commented, true), { stdio: "inherit" });
    execFileSync(bin("pbts"), ["--no-comments", "-o", dts, commented], { stdio: "inherit" });
    execFileSync(bin("pbjs"), pbjsArgs(name, proto, js, false), { stdio: "inherit" });
    const header = `// @generated from ${proto} by packages/protocol/${relative(pkg, fileURLToPath(import.meta.url))}. Do not edit.\n`;
    for (const file of [js, dts]) {
      writeFileSync(file, header + readFileSync(file, "utf8"));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
