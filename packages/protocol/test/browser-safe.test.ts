import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the main entry of @tether/protocol", () => {
  it("bundles for the browser with no Node built-in imported", async () => {
    const result = await build({
      entryPoints: [join(pkg, "src", "index.ts")],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      minify: true,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith("node:") || /\/node\//.test(i.replace(/node_modules/g, "")))).toEqual([]);
    // protobufjs only reaches for Node modules through a guarded dynamic require; nothing static.
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(imports).toEqual([]);
  });

  it("fails to bundle the Node subpath for the browser (the check above can fail)", async () => {
    await expect(
      build({
        entryPoints: [join(pkg, "src", "node", "index.ts")],
        bundle: true,
        write: false,
        platform: "browser",
        format: "esm",
        logLevel: "silent",
      }),
    ).rejects.toThrow();
  });
});
