import { ErrorCode } from "@tether/protocol";
import { createServer } from "@tether/server";
import { InvalidOptionError } from "@tether/system";
import { describe, expect, it } from "vitest";

describe("server options", () => {
  it.each([
    ["host", { host: "" }],
    ["port", { port: 70_000 }],
    ["backlog", { backlog: 0 }],
    ["backlog", { backlog: 1.5 }],
    ["path", { path: "ws" }],
    ["allowedOrigins", { allowedOrigins: "https://a.example" }],
    ["metricsPath", { metricsPath: "/ws" }],
    ["healthPath", { healthPath: "/metrics" }],
    ["healthPath", { healthPath: "healthz" }],
    ["onConnectionOpen", { onConnectionOpen: 1 }],
    ["maxConnections", { maxConnections: -1 }],
  ])("refuses a bad %s with a coded InvalidOptionError before anything listens", (name, options) => {
    try {
      createServer(options as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidOptionError);
      expect((e as InvalidOptionError).code).toBe(ErrorCode.BAD_REQUEST);
      expect((e as InvalidOptionError).option).toBe(name);
    }
  });

  it("listens with a listen queue of 4096 by default, or the backlog given", async () => {
    for (const [given, expected] of [
      [{}, 4096],
      [{ backlog: 64 }, 64],
    ] as const) {
      const server = createServer({
        port: 0,
        ...given,
        authenticator: { authenticate: () => ({ playerId: 1 }) },
      });
      expect(server.options.backlog).toBe(expected);
      await server.listen();
      expect(server.port).toBeGreaterThan(0);
      await server.close({ drainMs: 0 });
    }
  });
});
