/**
 * The packaging check type-checks this file against the installed tarballs under both
 * `moduleResolution: nodenext` and `bundler`, then runs it: every public export subpath of every
 * public package, and a few of their types in use. Keep the list in step with the packages'
 * `exports` (scripts/check-packaging.mjs compares them).
 */
import * as client from "@tether/client";
import * as clientBrowser from "@tether/client/browser";
import * as clientNode from "@tether/client/node";
import * as protocol from "@tether/protocol";
import * as genArena from "@tether/protocol/gen/arena";
import * as genChat from "@tether/protocol/gen/chat";
import * as genEcho from "@tether/protocol/gen/echo";
import * as genSystem from "@tether/protocol/gen/system";
import * as protocolNode from "@tether/protocol/node";
import * as redis from "@tether/redis";
import * as server from "@tether/server";
import * as serverInternal from "@tether/server/internal";
import * as system from "@tether/system";
import * as systemInternal from "@tether/system/internal";

const transport: client.TransportFactory = clientNode.nodeTransport;
const options: Partial<client.ClientOptions> = { url: "ws://127.0.0.1:1/ws", token: "t", transport };
const browserOptions: Partial<clientBrowser.ClientOptions> = options;
const authenticator: system.TokenAuthenticator = { authenticate: () => ({ playerId: 1 }) };
const serverOptions: Partial<server.ServerOptions> = { port: 0, authenticator };
const cluster: (options: redis.RedisClusterOptions) => system.Cluster = redis.redisCluster;
const frame: Uint8Array = protocol.encodeFrame({ type: protocol.FrameType.REQ, msgId: 1000, seq: 1 });
const req: genEcho.tether.echo.EchoReq = genEcho.tether.echo.EchoReq.create({ text: "hi" });

/** Each public entry with the export the check expects of it at run time. */
export const entries: Record<string, unknown> = {
  "@tether/client": client.TetherClient,
  "@tether/client/browser": clientBrowser.TetherClient,
  "@tether/client/node": clientNode.nodeTransport,
  "@tether/protocol": protocol.encodeFrame,
  "@tether/protocol/gen/chat": genChat.tether.chat,
  "@tether/protocol/gen/echo": genEcho.tether.echo.EchoReq,
  "@tether/protocol/gen/arena": genArena.tether.arena,
  "@tether/protocol/gen/system": genSystem.tether.system,
  "@tether/protocol/node": protocolNode.nodeCrypto,
  "@tether/redis": redis.RedisCluster,
  "@tether/server": server.createServer,
  "@tether/server/internal": serverInternal.LocalGateway,
  "@tether/system": system.SessionEngine,
  "@tether/system/internal": systemInternal.DedupCache,
};

const missing = Object.entries(entries).filter(([, value]) => value === undefined);
if (missing.length > 0) {
  console.error(`missing exports at run time: ${missing.map(([name]) => name).join(", ")}`);
  process.exitCode = 1;
} else {
  const used = [browserOptions, serverOptions, cluster, frame.length, req.text];
  console.log(`  ok  ${Object.keys(entries).length} entries imported as ES modules (${used.length} typed uses)`);
}
