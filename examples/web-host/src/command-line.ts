/**
 * What the browser examples' command lines share: flags parsed strictly (a bad one is one line
 * on stderr and exit code 2), the port from --port else PORT else a default, and the server run
 * until SIGINT or SIGTERM (or until the launcher that started it goes, when it has an IPC
 * channel). A start failure is one line and exit code 1, naming a taken port as such. The ready
 * line is printed after the signal handlers are set, so a signal right after it is a graceful stop.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The values of parsed flags, typed from their options. */
export type Flags<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true }>
>["values"];

export class CommandLine {
  constructor(
    /** Prefixes every line on stderr, e.g. "arena". */
    readonly name: string,
  ) {}

  fail(message: string, code: number): never {
    process.stderr.write(`${this.name}: ${message}\n`);
    process.exit(code);
  }

  /** The flags, or exit code 2 with parseArgs' message. */
  flags<O extends Options>(argv: readonly string[], options: O): Flags<O> {
    try {
      return parseArgs({ args: [...argv], options, strict: true }).values;
    } catch (e) {
      return this.fail((e as Error).message, 2);
    }
  }

  /** --port, else the PORT environment variable, else `fallback`; 0 = any free port; exit 2 when bad. */
  port(flag: string | undefined, fallback: number): number {
    const given = flag ?? (process.env.PORT === "" ? undefined : process.env.PORT);
    const port = given === undefined ? fallback : Number(given);
    if (!/^\d+$/.test(given ?? "0") || port > 65535) this.fail("--port (PORT) needs 0..65535", 2);
    return port;
  }

  /**
   * Starts the server, prints `ready(url)` once the handlers are set, and stops it gracefully on
   * a signal or after `stopAfterMs`.
   */
  async serve(
    at: { readonly port: number; readonly host: string },
    start: () => Promise<{ readonly url: string; close(): Promise<void> }>,
    ready: (url: string) => string,
    stopAfterMs?: number,
  ): Promise<void> {
    let server: { readonly url: string; close(): Promise<void> };
    try {
      server = await start();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EADDRINUSE")
        this.fail(`port ${at.port} is taken (EADDRINUSE); use --port or PORT`, 1);
      return this.fail(`did not start on ${at.host}:${at.port}: ${e instanceof Error ? e.message : String(e)}`, 1);
    }
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      server.close().then(
        () => process.exit(0),
        (e: unknown) => this.fail(`shutdown failed: ${String(e)}`, 1),
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    // Started by a launcher over an IPC channel (the cluster demo): goes when the launcher goes.
    if (process.send !== undefined) process.on("disconnect", stop);
    process.stdout.write(`${ready(server.url)}\n`);
    if (stopAfterMs !== undefined) setTimeout(stop, stopAfterMs);
  }

  /** Runs `main` when this module is the process's entry point; an error there is one line, exit 1. */
  runIfMain(moduleUrl: string, main: (argv: readonly string[]) => Promise<void>): void {
    if (process.argv[1] === undefined || realpathSync(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
    main(process.argv.slice(2)).catch((e: unknown) => this.fail(String(e), 1));
  }
}
