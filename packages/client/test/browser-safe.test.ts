import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { browserBundle } from "@tether/testkit/browser-bundle";
import { describe, expect, it } from "vitest";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the main entry of @tether/client", () => {
  it("bundles for the browser with no Node built-in and no ws imported", async () => {
    expect(await browserBundle(join(pkg, "src", "index.ts"))).toEqual({ nodeInputs: [], imports: [] });
  });
});
