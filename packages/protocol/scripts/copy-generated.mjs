// tsc compiles src/ but leaves the generated .js/.d.ts pair alone: copy it into dist/gen/.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const from = join(pkg, "src", "gen");
const to = join(pkg, "dist", "gen");
mkdirSync(to, { recursive: true });
for (const file of readdirSync(from)) {
  if (file.endsWith(".js") || file.endsWith(".d.ts")) copyFileSync(join(from, file), join(to, file));
}
