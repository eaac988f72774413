#!/usr/bin/env node
/**
 * `npm create tether my-game` (or `npx create-tether my-game`): scaffolds a game project into
 * my-game (default). Exit codes: 0 done, 1 the folder is taken or could not be written.
 */
import { scaffold } from "./scaffold.js";

const dir = process.argv[2] ?? "my-game";
try {
  const name = scaffold(dir);
  process.stdout.write(
    `Created ${name} in ${dir}.\n\n  cd ${dir}\n  npm install\n  npm test\n  npm run build && npm start\n`,
  );
} catch (e) {
  process.stderr.write(`create-tether: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
