// The browser build: one minified ESM file with every dependency inside and nothing from Node.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(pkg, "dist", "browser", "tether-client.js");
const result = await build({
  entryPoints: [join(pkg, "dist", "index.js")],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  outfile: out,
  metafile: true,
  logLevel: "error",
});
const bytes = (await import("node:fs")).readFileSync(out);
const size = { minifiedBytes: bytes.length, gzipBytes: gzipSync(bytes).length };
mkdirSync(dirname(out), { recursive: true });
writeFileSync(join(pkg, "dist", "browser", "size.json"), `${JSON.stringify(size)}\n`);
void result;
