/**
 * The showcase's port, as its dist main.js takes it: --port, else PORT, else 8080. A port that is
 * taken gives one line on stderr and exit code 1, no stack trace.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describePortHandling } from "@tether/testkit/port-tests";

describePortHandling({
  name: "showcase",
  main: join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js"),
  listening: /^tether showcase at http:\/\/127\.0\.0\.1:(\d+)\/$/,
});
