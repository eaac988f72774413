#!/usr/bin/env node
/**
 * The `tether` command. `tether generate [--proto DIR] [--out DIR] [--comments]` writes static
 * protobufjs code for every .proto file under DIR (default proto) into the output folder
 * (default src/gen). Exit codes: 0 done, 1 failed, 2 bad usage.
 */
import { parseArgs } from "node:util";
import { GENERATE_DEFAULTS, generate } from "./generate.js";

const USAGE = `usage: tether generate [--proto DIR] [--out DIR] [--comments]
  --proto DIR   where your .proto files are (default ${GENERATE_DEFAULTS.proto})
  --out DIR     where the generated modules go (default ${GENERATE_DEFAULTS.out})
  --comments    keep JSDoc comments in the generated .js
`;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        proto: { type: "string" },
        out: { type: "string" },
        comments: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    process.stderr.write(`tether: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals[0] !== "generate" || positionals.length > 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  try {
    const files = await generate({
      proto: typeof values.proto === "string" ? values.proto : GENERATE_DEFAULTS.proto,
      out: typeof values.out === "string" ? values.out : GENERATE_DEFAULTS.out,
      comments: values.comments === true,
    });
    process.stdout.write(`tether generate: wrote ${files.length} files\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`tether generate: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
