import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { packageName, scaffold, tetherVersion } from "../src/scaffold.js";

const CLI = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.js");
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), "create-tether-"));
  dirs.push(d);
  return d;
};

describe("create-tether", () => {
  it("writes a game project: proto, server, bot, page, tests, with exact Tether versions", () => {
    const dir = join(scratch(), "Space Race!");
    expect(scaffold(dir)).toBe("space-race-");
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      name: string;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.name).toBe("space-race-");
    expect(pkg.dependencies["@tether/server"]).toBe(tetherVersion());
    expect(pkg.devDependencies["@tether/codegen"]).toBe(tetherVersion());
    expect(pkg.scripts.generate).toBe("tether generate");
    for (const f of [
      ".gitignore",
      "proto/game.proto",
      "src/server/game-server.ts",
      "src/server/main.ts",
      "src/bot/main.ts",
      "web/index.html",
      "web/main.ts",
      "test/game-server.test.ts",
      "vite.config.ts",
      "tsconfig.json",
    ]) {
      expect(readFileSync(join(dir, f), "utf8").length, f).toBeGreaterThan(0);
    }
    expect(readFileSync(join(dir, "README.md"), "utf8")).toContain("# space-race-");
  });

  it("refuses a folder that is not empty, with one line and exit code 1", () => {
    const dir = join(scratch(), "taken");
    mkdirSync(dir);
    writeFileSync(join(dir, "keep.txt"), "mine");
    const r = spawnSync(process.execPath, [CLI, dir], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`create-tether: ${dir} exists and is not empty\n`);
    expect(readFileSync(join(dir, "keep.txt"), "utf8")).toBe("mine");
  });

  it("names the package after the folder, as npm allows", () => {
    expect(packageName("/x/My Game")).toBe("my-game");
    expect(packageName("/x/.hidden")).toBe("hidden");
    expect(packageName("/x/___")).toBe("my-game");
  });
});
