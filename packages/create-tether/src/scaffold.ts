/**
 * Scaffolding a game project from the template beside this package: the files are copied, the
 * project's name and the Tether version it depends on (this package's own) are filled in, and
 * `gitignore` becomes `.gitignore` (npm leaves dotfiles named .gitignore out of packages).
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..");
export const TEMPLATE = join(PACKAGE, "template");

/** The version of the Tether packages a scaffolded project depends on: this package's own. */
export function tetherVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8")) as { version: string }).version;
}

/** An npm package name made of a folder's name. */
export function packageName(dir: string): string {
  const name = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+/, "");
  return name.length > 0 ? name.slice(0, 214) : "my-game";
}

/** Writes a new project into `dir` (which must not exist, or be empty); returns its package name. */
export function scaffold(dir: string, version = tetherVersion()): string {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} exists and is not empty`);
  cpSync(TEMPLATE, dir, { recursive: true });
  renameSync(join(dir, "gitignore"), join(dir, ".gitignore"));
  const name = packageName(dir);
  for (const file of ["package.json", "README.md"]) {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, "utf8").replaceAll("__NAME__", name).replaceAll("__VERSION__", version));
  }
  return name;
}
