// Makes sure the Redis of the cluster-mode tests answers (REDIS_URL, default
// redis://127.0.0.1:6379): when nothing answers on the default address, starts a local
// `redis-server` that keeps nothing on disk. Exits non-zero with a message when it cannot.
import { spawnSync } from "node:child_process";
import { connect } from "node:net";

const url = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const host = url.hostname || "127.0.0.1";
const port = Number(url.port || 6379);

function ping() {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (d) => done(d.toString().startsWith("+PONG")));
  });
}

if (await ping()) process.exit(0);
if (process.env.REDIS_URL !== undefined || !["127.0.0.1", "localhost"].includes(host) || port !== 6379) {
  console.error(`no Redis answers at ${url.href} (REDIS_URL): start it, or unset REDIS_URL to use a local one`);
  process.exit(1);
}
const started = spawnSync(
  "redis-server",
  ["--daemonize", "yes", "--port", "6379", "--save", "", "--appendonly", "no"],
  {
    stdio: "inherit",
  },
);
if (started.error || started.status !== 0) {
  console.error(
    "no Redis answers on 127.0.0.1:6379 and redis-server could not be started (apt-get install -y redis-server)",
  );
  process.exit(1);
}
for (let i = 0; i < 100; i++) {
  if (await ping()) {
    console.log("started redis-server on 127.0.0.1:6379");
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 100));
}
console.error("redis-server did not answer within 10 s");
process.exit(1);
