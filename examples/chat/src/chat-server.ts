/**
 * The chat server: one Node process, everything in memory. Rooms are topics; messages are
 * reliable pushes (frame rev = message id); typing is best effort; a room's recent history and
 * its online list come with the Sync snapshot and from gateway queries.
 */
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ErrorCode, TetherError } from "@tether/protocol";
import { tether } from "@tether/protocol/gen/chat";
import { createServer, type ServerOptions, type TetherServer } from "@tether/server";
import type { SessionView } from "@tether/system";

const chat = tether.chat;
type ChatMsg = tether.chat.ChatMsg;
const HISTORY = 100;
const NAME = /^[A-Za-z0-9_-]{1,20}$/;
const ROOM = /^[A-Za-z0-9_-]{1,32}$/;
const MAX_BODY = 500;

// The built page lives in dist/web (from src/ in tests and dist/ at run time alike).
const webDir = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "web");
const STATIC: Record<string, string> = {
  "/": "index.html",
  "/index.html": "index.html",
  "/app.js": "app.js",
  "/style.css": "style.css",
};
const TYPES: Record<string, string> = { html: "text/html", js: "text/javascript", css: "text/css" };

export interface ChatServer {
  readonly http: Server;
  readonly tether: TetherServer;
  readonly url: string;
  close(): Promise<void>;
}

export async function startChatServer(
  port = 8080,
  host = "127.0.0.1",
  options: Partial<ServerOptions> = {},
): Promise<ChatServer> {
  const rooms = new Map<string, { nextId: number; history: ChatMsg[] }>();
  const names = new Map<string, number>(); // nickname -> playerId
  const room = (name: string) => {
    let r = rooms.get(name);
    if (!r) {
      r = { nextId: 1, history: [] };
      rooms.set(name, r);
    }
    return r;
  };

  const http = createHttpServer((req, res) => {
    const file = STATIC[req.url?.split("?")[0] ?? ""];
    if (file === undefined) {
      res.writeHead(404).end("not found\n");
      return;
    }
    try {
      const body = readFileSync(join(webDir, file));
      res
        .writeHead(200, { "Content-Type": TYPES[file.split(".").pop() ?? ""] ?? "application/octet-stream" })
        .end(body);
    } catch {
      res.writeHead(500).end("build the chat first: npm run build\n");
    }
  });

  let server: TetherServer;
  /** Who is in a room now: a gateway query (topic members, then their session info). */
  const online = async (roomName: string): Promise<string[]> => {
    const members = (await server.gateway.topicMembers([roomName]))[roomName] ?? [];
    const infos = await server.gateway.sessionInfo(members);
    return infos.filter((i) => i.connected).map((i) => i.data.name ?? "?");
  };
  const notice = (roomName: string, text: string) =>
    server.gateway.publish([roomName], 2102, chat.Notice.encode({ room: roomName, text }).finish());

  server = createServer({
    server: http,
    ...options,
    authenticator: {
      // The token is the nickname: a demo, not an identity system.
      authenticate(token) {
        if (!NAME.test(token))
          throw new TetherError(ErrorCode.UNAUTHORIZED, "nicknames are 1-20 letters, digits, _ or -");
        let id = names.get(token);
        if (id === undefined) {
          id = names.size + 1;
          names.set(token, id);
        }
        return { playerId: id, data: { name: token } };
      },
    },
    snapshotProvider: {
      async snapshot(playerId) {
        const s = server.engine.store.byPlayer(playerId)[0];
        const roomName = s?.data.get("room") ?? "";
        // Copied before the await: the history may grow meanwhile (pushes after the snapshot's
        // pushId carry rev = message id, and the page skips what it already shows).
        const history = [...(rooms.get(roomName)?.history ?? [])];
        const names = roomName ? await online(roomName) : [];
        return {
          serverStateRevision: history.at(-1)?.id ?? 0,
          snapshot: chat.ChatSnapshot.encode({ room: roomName, history, online: names }).finish(),
        };
      },
    },
    hooks: {
      onSessionEnd: (s: SessionView) => {
        const roomName = s.data.get("room");
        // The room name was checked when it was joined: publishing to it cannot be refused.
        if (roomName) void notice(roomName, `${s.data.get("name")} left`).catch(() => {});
      },
    },
  });

  server.route(1100, chat.JoinReq, chat.JoinResp, async (req, ctx) => {
    if (!ROOM.test(req.room))
      throw new TetherError(ErrorCode.BAD_REQUEST, "room names are 1-32 letters, digits, _ or -");
    const sessionId = ctx.sessionId as string;
    const previous = ctx.data.get("room");
    if (previous && previous !== req.room) {
      await ctx.gateway.unsubscribe(sessionId, [previous]);
      await notice(previous, `${ctx.data.get("name")} left`);
    }
    await ctx.gateway.setSessionData(sessionId, { room: req.room });
    await ctx.gateway.subscribe(sessionId, [req.room]);
    if (previous !== req.room) await notice(req.room, `${ctx.data.get("name")} joined`);
    return { room: req.room, online: await online(req.room) };
  });

  server.route(1101, chat.SendReq, chat.Empty, async (req, ctx) => {
    if (ctx.data.get("room") !== req.room) throw new TetherError(ErrorCode.BAD_REQUEST, "join the room first");
    if (req.body.length === 0 || req.body.length > MAX_BODY)
      throw new TetherError(10001, `messages are 1-${MAX_BODY} characters`);
    if ((req.kind === chat.Kind.KIND_IMAGE || req.kind === chat.Kind.KIND_LINK) && !/^https?:\/\//.test(req.body)) {
      throw new TetherError(10002, "images and links must be http(s) URLs");
    }
    const r = room(req.room);
    const msg = chat.ChatMsg.create({
      id: r.nextId++,
      room: req.room,
      from: ctx.data.get("name") ?? "?",
      kind: req.kind,
      body: req.body,
      ts: Date.now(),
    });
    r.history.push(msg);
    if (r.history.length > HISTORY) r.history.shift();
    await ctx.gateway.publish([req.room], 2101, chat.ChatMsg.encode(msg).finish(), { rev: msg.id });
    return {};
  });

  server.notify(1102, chat.TypingReq, async (req, ctx) => {
    if (ctx.data.get("room") !== req.room) return;
    await ctx.gateway.publish(
      [req.room],
      2103,
      chat.Typing.encode({ room: req.room, name: ctx.data.get("name") ?? "?" }).finish(),
      {
        reliable: false,
      },
    );
  });

  server.route(1103, chat.OnlineReq, chat.OnlineResp, async (req) => ({ names: await online(req.room) }));

  await new Promise<void>((resolve) => http.listen(port, host, resolve));
  const a = http.address() as AddressInfo;
  return {
    http,
    tether: server,
    url: `http://${a.address}:${a.port}/`,
    async close() {
      await server.close({ drainMs: 500 });
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
