// The packaging check (part of `npm test`, after the build): packs every public package, installs
// the tarballs into a fresh project outside the repository, type-checks an import of every public
// export subpath under `moduleResolution` nodenext and bundler, runs a server/client round trip
// with a resume from the installed packages (scripts/packaging/round-trip.ts), and require()s
// every entry from CommonJS. Third-party dependencies come from the npm registry (or npm's cache).
// Prints what it checked; on failure, one line `packaging check failed: <reason>` and exit code 1.
// `node scripts/check-packaging.mjs --keep` keeps the temporary project for a look.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const PUBLIC = ["protocol", "system", "server", "client", "redis"];
const started = Date.now();

class CheckFailed extends Error {}
const fail = (reason) => {
  throw new CheckFailed(reason);
};
const ok = (what) => console.log(`  ok  ${what}`);
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

// Child npm processes must not inherit the npm_* settings of the `npm test` that started us
// (its prefix is the repository); the temporary project is a project of its own.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_")));

/** Runs a command; fails the check with its output when it exits non-zero. Returns stdout. */
function run(what, cmd, args, cwd, timeoutMs = 60_000) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 << 20 });
  if (r.error) fail(`${what}: ${r.error.message}`);
  if (r.status !== 0) {
    const out = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim();
    fail(`${what} (exit ${r.status}${r.signal ? `, ${r.signal}` : ""})\n${out}`);
  }
  return r.stdout;
}

const manifests = Object.fromEntries(PUBLIC.map((p) => [p, readJson(join(repo, "packages", p, "package.json"))]));

/** The manifests are publishable: the fields issue 19 asks for, exact internal versions. */
function checkManifests() {
  for (const [dir, m] of Object.entries(manifests)) {
    const where = `packages/${dir}/package.json`;
    if (m.private) fail(`${where} is private`);
    if (m.engines?.node !== ">=20.19") fail(`${where}: engines.node should be ">=20.19"`);
    for (const f of ["dist", "README.md", "LICENSE"]) if (!m.files?.includes(f)) fail(`${where}: files lacks ${f}`);
    if (m.repository?.directory !== `packages/${dir}`) fail(`${where}: repository.directory should be packages/${dir}`);
    if (!(m.keywords?.length > 0)) fail(`${where}: no keywords`);
    for (const f of ["README.md", "LICENSE"])
      if (!existsSync(join(repo, "packages", dir, f))) fail(`packages/${dir}/${f} missing`);
    for (const [name, range] of Object.entries(m.dependencies ?? {})) {
      const internal = Object.values(manifests).find((o) => o.name === name);
      if (internal && range !== internal.version)
        fail(`${where}: ${name} should be "${internal.version}", is "${range}"`);
    }
    if (!existsSync(join(repo, "packages", dir, "dist", "index.js")))
      fail(`packages/${dir}/dist is not built: run npm run build`);
  }
  ok(`${PUBLIC.length} manifests: engines, files, repository.directory, keywords, exact internal versions`);
}

/** Every export subpath of every public package, as a module specifier. */
const entries = Object.values(manifests).flatMap((m) =>
  Object.keys(m.exports).map((sub) => (sub === "." ? m.name : `${m.name}/${sub.slice(2)}`)),
);

function pack(into) {
  const args = [
    "pack",
    "--json",
    "--pack-destination",
    into,
    ...PUBLIC.flatMap((p) => ["--workspace", `packages/${p}`]),
  ];
  const packed = JSON.parse(run("npm pack", "npm", args, repo));
  for (const p of packed) {
    const files = p.files.map((f) => f.path);
    for (const need of [
      "package.json",
      "README.md",
      "LICENSE",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/index.js.map",
    ])
      if (!files.includes(need)) fail(`${p.filename} lacks ${need}`);
    const stray = files.filter((f) => !/^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(f));
    if (stray.length > 0) fail(`${p.filename} holds files outside dist/: ${stray.join(", ")}`);
    ok(`packed ${p.filename}: ${kB(p.size)} (${kB(p.unpackedSize)} unpacked, ${p.entryCount} files)`);
  }
  return packed;
}

function writeProject(project, packed) {
  const server = manifests.server;
  const dependencies = Object.fromEntries(packed.map((p) => [p.name, `file:./tarballs/${p.filename}`]));
  dependencies.ws = server.dependencies.ws;
  const rootManifest = readJson(join(repo, "package.json"));
  // No @types/ws here: @tether/server's declarations import ws, so the server brings its types.
  const devDependencies = { "@types/node": rootManifest.devDependencies["@types/node"] };
  const pkg = { name: "tether-packaging-check", private: true, type: "module", dependencies, devDependencies };
  writeFileSync(join(project, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  mkdirSync(join(project, "src"));
  for (const f of ["exports.ts", "round-trip.ts"])
    copyFileSync(join(repo, "scripts", "packaging", f), join(project, "src", f));
  const base = { target: "ES2022", lib: ["ES2022"], strict: true, skipLibCheck: false, types: ["node"] };
  const configs = {
    nodenext: { ...base, module: "nodenext", moduleResolution: "nodenext", rootDir: "src", outDir: "dist" },
    bundler: { ...base, module: "esnext", moduleResolution: "bundler", noEmit: true },
  };
  for (const [name, compilerOptions] of Object.entries(configs))
    writeFileSync(
      join(project, `tsconfig.${name}.json`),
      JSON.stringify({ compilerOptions, include: ["src"] }, null, 2),
    );
  const requires = entries.map((e) => `  ${JSON.stringify(e)},`).join("\n");
  writeFileSync(
    join(project, "require.cjs"),
    `"use strict";\nfor (const entry of [\n${requires}\n]) {\n  const m = require(entry);\n` +
      `  const n = Object.keys(m).length;\n  if (n === 0) throw new Error(\`require("\${entry}") gave no exports\`);\n` +
      `  console.log(\`  ok  require("\${entry}"): \${n} exports\`);\n}\n`,
  );
}

/** The tarballs were installed, one copy each, from the tarballs and not from the registry. */
function checkInstalled(project, packed) {
  const lock = readJson(join(project, "package-lock.json"));
  for (const p of packed) {
    const at = `node_modules/${p.name}`;
    const got = lock.packages[at];
    if (!got?.resolved?.startsWith("file:")) fail(`${p.name} was not installed from its tarball (${got?.resolved})`);
    const copies = Object.keys(lock.packages).filter((k) => k.endsWith(`/${at}`));
    if (copies.length > 0) fail(`${p.name} installed more than once: ${copies.join(", ")}`);
  }
  ok("installed every tarball once, into a fresh project, with third-party dependencies from the registry");
}

/** A bare import in a shipped .d.ts names a dependency, and one with types (its own or @types/). */
function checkDeclarationImports(project) {
  const specifier = /(?:\bfrom|\bimport\(|\brequire\()\s*["']([^"'./][^"']*)["']/g;
  for (const m of Object.values(manifests)) {
    const dir = join(project, "node_modules", m.name);
    const declared = { ...m.dependencies, ...m.peerDependencies };
    for (const f of readdirSync(join(dir, "dist"), { recursive: true }).filter((f) => String(f).endsWith(".d.ts"))) {
      for (const [, spec] of readFileSync(join(dir, "dist", String(f)), "utf8").matchAll(specifier)) {
        if (spec.startsWith("node:")) continue;
        const name = spec
          .split("/")
          .slice(0, spec.startsWith("@") ? 2 : 1)
          .join("/");
        if (name === m.name) continue;
        if (!declared[name]) fail(`${m.name}/dist/${f} imports ${spec}, not among its dependencies`);
        const own = readJson(join(project, "node_modules", name, "package.json"));
        const typed = own.types || own.typings || JSON.stringify(own.exports ?? {}).includes('"types"');
        const typesName = `@types/${name.replace(/^@/, "").replace("/", "__")}`;
        if (!typed && !declared[typesName])
          fail(`${m.name}/dist/${f} imports ${spec}: add ${typesName} to its dependencies`);
      }
    }
  }
  ok("every bare import in the shipped declarations is a dependency with types");
}

/** Each installed .js.map carries the sources it maps (tsc inlineSources). */
function checkSourceMaps(project) {
  let maps = 0;
  for (const m of Object.values(manifests)) {
    const dist = join(project, "node_modules", m.name, "dist");
    const files = readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith(".js.map"));
    if (files.length === 0) fail(`${m.name}: no .js.map in dist/`);
    for (const f of files) {
      const map = readJson(join(dist, String(f)));
      const content = map.sourcesContent ?? [];
      if (content.length !== map.sources.length || content.some((s) => typeof s !== "string" || s.length === 0))
        fail(`${m.name}/dist/${f}: sourcesContent missing`);
    }
    maps += files.length;
  }
  ok(`${maps} source maps in the installed packages carry sourcesContent`);
}

function main() {
  console.log(`packaging check (node ${process.version})`);
  checkManifests();
  const listed = readFileSync(join(repo, "scripts", "packaging", "exports.ts"), "utf8");
  const unlisted = entries.filter((e) => !listed.includes(`from "${e}"`));
  if (unlisted.length > 0) fail(`scripts/packaging/exports.ts does not import ${unlisted.join(", ")}`);
  ok(`${entries.length} export subpaths: ${entries.join(" ")}`);

  const tmp = mkdtempSync(join(tmpdir(), "tether-packaging-"));
  const rel = relative(repo, tmp);
  if (!rel.startsWith(`..${sep}`)) fail(`the temporary project ${tmp} is inside the repository`);
  try {
    const project = join(tmp, "project");
    mkdirSync(join(project, "tarballs"), { recursive: true });
    const packed = pack(join(project, "tarballs"));
    writeProject(project, packed);
    run("npm install in the fresh project", "npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], project);
    checkInstalled(project, packed);
    checkSourceMaps(project);
    checkDeclarationImports(project);
    const tsc = join(repo, "node_modules", ".bin", "tsc");
    for (const mode of ["nodenext", "bundler"]) {
      run(`type check (moduleResolution ${mode})`, tsc, ["-p", `tsconfig.${mode}.json`], project);
      ok(`type-checked every export subpath and the round trip, moduleResolution ${mode}, skipLibCheck off`);
    }
    process.stdout.write(run("ESM imports", "node", ["dist/exports.js"], project, 15_000));
    process.stdout.write(run("round trip", "node", ["dist/round-trip.js"], project, 30_000));
    process.stdout.write(run("require() from CommonJS", "node", ["require.cjs"], project, 15_000));
    // The README's "Twenty lines", as written, as app.mjs: it must print and exit by itself.
    const readme = readFileSync(join(repo, "README.md"), "utf8");
    const example = /## Twenty lines\n\n```ts\n([\s\S]*?)\n```/.exec(readme)?.[1];
    if (example === undefined) fail("README.md has no ts block under ## Twenty lines");
    writeFileSync(join(project, "app.mjs"), `${example}\n`);
    const printed = run("the README's twenty lines (node app.mjs)", "node", ["app.mjs"], project, 15_000);
    if (!printed.includes("hi")) fail(`the README's example printed ${JSON.stringify(printed)}`);
    ok("the README's twenty lines run as written in the fresh ES module project, and exit");
  } finally {
    if (process.argv.includes("--keep")) console.log(`  kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`packaging check passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (e) {
  if (!(e instanceof CheckFailed)) throw e;
  console.error(`packaging check failed: ${e.message}`);
  process.exit(1);
}
