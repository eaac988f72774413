#!/usr/bin/env node
// `build-page [--bundle <entry.ts>] <file>...`, run in an example's folder (its build script):
// bundles the page's script for browsers into dist/web/app.js (esbuild: ESM, minified, ES2022)
// when --bundle is given, and copies each listed file from web/ into dist/web.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const { values, positionals } = parseArgs({ options: { bundle: { type: "string" } }, allowPositionals: true });
const out = join(process.cwd(), "dist", "web");
mkdirSync(out, { recursive: true });
if (values.bundle !== undefined) {
  await build({
    entryPoints: [join(process.cwd(), values.bundle)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: join(out, "app.js"),
    logLevel: "error",
  });
}
for (const f of positionals) copyFileSync(join(process.cwd(), "web", f), join(out, f));
