import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { browserBundle } from "@tether/testkit/browser-bundle";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the main entry of @tether/protocol", () => {
  it("bundles for the browser with no Node built-in imported", async () => {
    // protobufjs only reaches for Node modules through a guarded dynamic require; nothing static.
    expect(await browserBundle(join(pkg, "src", "index.ts"))).toEqual({ nodeInputs: [], imports: [] });
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
