/**
 * What a studio gets from `npm create tether`: a project scaffolded outside the repository,
 * installed from the packed Tether packages (npm pack, as they would be published) and the npm
 * registry, whose own tests and build pass.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** The packages a scaffolded project installs (directly or through another). */
const PACKED = ["protocol", "system", "server", "client", "codegen"];
const scratch = mkdtempSync(join(tmpdir(), "create-tether-project-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const npm = (cwd: string, ...args: string[]) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });

it("scaffolds a project that installs from the packed packages, passes its own tests and builds", () => {
  const tarballs = join(scratch, "tarballs");
  mkdirSync(tarballs);
  for (const p of PACKED) npm(join(REPO, "packages", p), "pack", "--pack-destination", tarballs);
  const given = readdirSync(tarballs).map((t) => join(tarballs, t));
  // create-tether itself runs from its own tarball, as `npm create tether` would run it.
  const runner = join(scratch, "runner");
  mkdirSync(runner);
  const [creator] = npm(join(REPO, "packages", "create-tether"), "pack", "--pack-destination", runner)
    .trim()
    .split("\n")
    .slice(-1);
  npm(runner, "install", join(runner, creator as string));
  execFileSync(process.execPath, [join(runner, "node_modules", "create-tether", "dist", "cli.js"), "my-game"], {
    cwd: scratch,
  });
  const project = join(scratch, "my-game");
  npm(project, "install", ...given);
  const tests = npm(project, "test");
  expect(tests).toMatch(/Tests\s+1 passed/);
  npm(project, "run", "build");
  expect(readdirSync(join(project, "dist")).sort()).toEqual(["bot", "gen", "server", "web"]);
}, 180_000);
