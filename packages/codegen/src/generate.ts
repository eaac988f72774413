/**
 * `tether generate`: static protobufjs code for every .proto file under a folder. Each file
 * becomes `<name>.js` (ES module) and `<name>.d.ts` in the output folder, beside one
 * `protobuf-runtime.js` they all import (runtime.ts). The pbjs and pbts flags are the ones
 * Tether's own code is generated with: static code, 64-bit integers as numbers, no verify,
 * delimited, type URL, service or JSON conversion code.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { RUNTIME_DTS, RUNTIME_JS } from "./runtime.js";

type Main = (args: string[], callback: (err: Error | null, output?: string) => void) => number | undefined;

const require = createRequire(import.meta.url);
const cli = require("protobufjs-cli") as { pbjs: { main: Main }; pbts: { main: Main } };

export interface GenerateOptions {
  /** Where the .proto files are (searched recursively). Default "proto". */
  readonly proto: string;
  /** Where the generated modules go. Default "src/gen". */
  readonly out: string;
  /** Keep the JSDoc comments in the .js files. Default false (smaller). */
  readonly comments: boolean;
}

export const GENERATE_DEFAULTS: GenerateOptions = { proto: "proto", out: "src/gen", comments: false };

/** Every .proto file under `dir`, sorted. */
export function protoFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...protoFiles(path));
    else if (entry.endsWith(".proto")) out.push(path);
  }
  return out.sort();
}

function run(main: Main, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    main(args, (err) => (err ? reject(err) : resolve()));
  });
}

/** The module name of a .proto file: its base name, as a JavaScript identifier. */
export function moduleName(file: string): string {
  return basename(file, ".proto").replace(/[^A-Za-z0-9_]/g, "_");
}

/** Generates the code; resolves with the files written. */
export async function generate(options: Partial<GenerateOptions> = {}): Promise<string[]> {
  const o = { ...GENERATE_DEFAULTS, ...options };
  const files = protoFiles(o.proto);
  if (files.length === 0) throw new Error(`no .proto files under ${o.proto}`);
  const names = new Map<string, string>();
  for (const f of files) {
    const name = moduleName(f);
    const other = names.get(name);
    if (other !== undefined) throw new Error(`${f} and ${other} would both become ${name}.js`);
    names.set(name, f);
  }
  mkdirSync(o.out, { recursive: true });
  writeFileSync(join(o.out, "protobuf-runtime.js"), RUNTIME_JS);
  writeFileSync(join(o.out, "protobuf-runtime.d.ts"), RUNTIME_DTS);
  const written = [join(o.out, "protobuf-runtime.js"), join(o.out, "protobuf-runtime.d.ts")];
  const scratch = mkdtempSync(join(tmpdir(), "tether-generate-"));
  try {
    for (const [name, proto] of names) {
      const pbjs = (out: string, comments: boolean) => [
        ...["-t", "static-module", "-w", "es6", "--force-number"],
        ...(comments ? [] : ["--no-comments"]),
        ...["--no-verify", "--no-delimited", "--no-typeurl", "--no-service", "--no-convert"],
        ...["--dependency", "./protobuf-runtime.js", "-r", `tether_${name}`, "-p", o.proto, "-o", out, proto],
      ];
      const js = join(o.out, `${name}.js`);
      const dts = join(o.out, `${name}.d.ts`);
      // pbts reads the JSDoc comments, so the declarations come from a commented copy.
      const commented = join(scratch, `${name}.js`);
      await run(cli.pbjs.main, pbjs(commented, true));
      await run(cli.pbts.main, ["--no-comments", "-o", dts, commented]);
      await run(cli.pbjs.main, pbjs(js, o.comments));
      const header = `// @generated from ${relative(o.out, proto)} by tether generate. Do not edit.\n`;
      for (const file of [js, dts]) writeFileSync(file, header + readFileSync(file, "utf8"));
      written.push(js, dts);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return written;
}
