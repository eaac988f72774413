/**
 * Bundles an entry for the browser (esbuild, as a web app's bundler would) and lists what would
 * not run there: inputs that are Node built-ins, a `node/` subpath or `ws`, and imports the
 * bundle left outside it. Both lists are empty for a browser-safe entry.
 */
import { build } from "esbuild";

export interface BrowserBundleReport {
  /** Bundled inputs that belong to Node (node:*, a node/ folder, ws). */
  readonly nodeInputs: string[];
  /** Imports left in the output (a static one would fail in a browser). */
  readonly imports: string[];
}

export async function browserBundle(entry: string): Promise<BrowserBundleReport> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: "browser",
    format: "esm",
    minify: true,
    metafile: true,
    logLevel: "silent",
  });
  const nodeInputs = Object.keys(result.metafile.inputs).filter((input) => {
    const path = input.replace(/node_modules/g, "");
    return input.startsWith("node:") || /\/node\//.test(path) || /\/ws\//.test(path);
  });
  const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
  return { nodeInputs, imports };
}
