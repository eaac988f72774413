// Bundles the page's script (web/app.ts with @tether/client, the arena messages and rules) for browsers.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "web");
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, "web", "app.ts")],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  outfile: join(out, "app.js"),
  logLevel: "error",
});
for (const f of ["index.html", "style.css"]) copyFileSync(join(root, "web", f), join(out, f));
