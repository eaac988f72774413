import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, "..", "dist", "cli.js");
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project folder inside the repository (so `protobufjs` resolves), with proto files. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(here, ".project-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const WORLD = `syntax = "proto3";
package my.game;
message Hit { uint64 target = 1; int64 damage = 2; string by = 3; }
`;

interface HitType {
  encode(m: { target: number; damage: number; by: string }): { finish(): Uint8Array };
  decode(b: Uint8Array): { target: unknown; damage: unknown; by: string };
}

describe("tether generate", () => {
  it("writes a module per .proto file whose 64-bit fields decode as numbers, even with Long set up first", async () => {
    const dir = project({
      "proto/game/world.proto": WORLD,
      "proto/chat.proto": 'syntax = "proto3";\nmessage Line { string text = 1; }\n',
    });
    const written = await generate({ proto: join(dir, "proto"), out: join(dir, "src", "gen") });
    expect(written.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      "src/gen/chat.d.ts",
      "src/gen/chat.js",
      "src/gen/protobuf-runtime.d.ts",
      "src/gen/protobuf-runtime.js",
      "src/gen/world.d.ts",
      "src/gen/world.js",
    ]);
    // Something else in the app set protobufjs up with Long before the generated code loaded.
    const $protobuf = (await import("protobufjs/minimal.js")).default;
    const Long = (await import("long")).default;
    ($protobuf.util as { Long: unknown }).Long = Long;
    $protobuf.configure();
    const mod = (await import(pathToFileURL(join(dir, "src", "gen", "world.js")).href)) as {
      my: { game: { Hit: HitType } };
    };
    const Hit = mod.my.game.Hit;
    const back = Hit.decode(Hit.encode({ target: 2 ** 40 + 3, damage: -7, by: "orc" }).finish());
    expect(back).toMatchObject({ target: 2 ** 40 + 3, damage: -7, by: "orc" });
    expect(typeof back.target).toBe("number");
  });

  it("refuses two files that would become the same module, and a folder without .proto files", async () => {
    const dir = project({ "proto/a/world.proto": WORLD, "proto/b/world.proto": WORLD });
    await expect(generate({ proto: join(dir, "proto"), out: join(dir, "gen") })).rejects.toThrow(
      /both become world\.js/,
    );
    const empty = project({ "proto/README": "none here" });
    await expect(generate({ proto: join(empty, "proto"), out: join(empty, "gen") })).rejects.toThrow(
      /no \.proto files/,
    );
  });

  it("as a command: exit 0 with one line, 1 with one line on a failure, 2 with the usage on bad arguments", () => {
    const dir = project({ "proto/world.proto": WORLD });
    const ok = spawnSync(process.execPath, [CLI, "generate"], { cwd: dir, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("tether generate: wrote 4 files\n");
    expect(readdirSync(join(dir, "src", "gen")).sort()).toEqual([
      "protobuf-runtime.d.ts",
      "protobuf-runtime.js",
      "world.d.ts",
      "world.js",
    ]);
    const failed = spawnSync(process.execPath, [CLI, "generate", "--proto", "nowhere"], { cwd: dir, encoding: "utf8" });
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split("\n")).toHaveLength(1);
    const bad = spawnSync(process.execPath, [CLI, "compile"], { cwd: dir, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("usage: tether generate");
  });
});
