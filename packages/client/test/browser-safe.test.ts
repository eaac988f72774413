import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the main entry of @tether/client", () => {
  it("bundles for the browser with no Node built-in and no ws imported", async () => {
    const result = await build({
      entryPoints: [join(pkg, "src", "index.ts")],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs).map((i) => i.replace(/node_modules/g, ""));
    expect(inputs.filter((i) => i.startsWith("node:") || /\/node\//.test(i) || /\/ws\//.test(i))).toEqual([]);
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(imports).toEqual([]);
  });
});
