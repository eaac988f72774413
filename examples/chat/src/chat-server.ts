/**
 * The chat server. Rooms are topics; messages are reliable pushes (frame rev = message id);
 * typing is best effort; a room's recent history and its online list come with the Sync snapshot
 * and from gateway queries. Nicknames and rooms live in a ChatStore: in memory for one node, in
 * Redis for cluster mode (one node of several behind a proxy: `npm run cluster`). `mountChat`
 * puts the chat on a shared HTTP server under a path prefix (`npm start` mounts it at /chat);
 * `startChatServer` gives it an HTTP server of its own, at prefix "".
 */
import type { Server } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ErrorCode, TetherError } from "@tether/protocol";
import { tether } from "@tether/protocol/gen/chat";
import { createServer, type ServerContext, type ServerOptions, type TetherServer } from "@tether/server";
import type { SessionView } from "@tether/system";
import { hostApp, nicknameOf, staticFiles, type WebApp } from "@tether/web-host";
import { type ChatStore, MemoryStore } from "./store.js";

const chat = tether.chat;
const ROOM = /^[A-Za-z0-9_-]{1,32}$/;
const MAX_BODY = 500;

// The built page lives in dist/web (from src/ in tests and dist/ at run time alike).
const webDir = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "web");
const WEB_FILES = ["index.html", "app.js", "style.css"];

export interface ChatServer {
  readonly http: Server;
  readonly tether: TetherServer;
  readonly url: string;
  close(): Promise<void>;
}

export interface ChatOptions {
  /** Where nicknames and rooms live. Default: in memory (one node); closed by `close()`. */
  readonly store?: ChatStore;
  /** This node's id in a cluster, shown by the page (route 1104). Default "" (one node). */
  readonly nodeId?: string;
  /**
   * The cluster demo's "kill this node" (route 1105): what the node does when the page asks it
   * to die. Without it (the default) 1105 is not served and the page shows no such button.
   */
  readonly kill?: () => void;
}

/**
 * Mounts the chat on `http`, which stays the caller's to listen on and close: the page under
 * `${prefix}/`, the Tether server on `${prefix}/ws`. Joins the cluster (in cluster mode) before
 * it resolves, so the caller may start taking connections then. `close()` drains the Tether
 * server and closes the store.
 */
export async function mountChat(
  http: Server,
  prefix: string,
  options: Partial<ServerOptions> = {},
  chatOptions: ChatOptions = {},
): Promise<WebApp> {
  const { store = new MemoryStore(), nodeId = "", kill } = chatOptions;

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
    ...options,
    server: http,
    path: `${prefix}/ws`,
    authenticator: {
      // The token is the nickname: a demo, not an identity system.
      async authenticate(token) {
        const name = nicknameOf(token);
        return { playerId: await store.playerId(name), data: { name } };
      },
    },
    snapshotProvider: {
      async snapshot(playerId) {
        const s = server.engine.store.byPlayer(playerId)[0];
        const roomName = s?.data.get("room") ?? "";
        // Read before the online list: the history may grow meanwhile (pushes after the
        // snapshot's pushId carry rev = message id, and the page skips what it already shows).
        const history = roomName ? await store.history(roomName) : [];
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

  /**
   * A session taken over from a crashed node arrives without its data and topics (they are not
   * in the push log, cluster.md): its name comes back from the store, its room from the page's
   * next request (1101 or 1104), marked "missed" until 1104 sends the page the room's history.
   */
  const restore = async (ctx: ServerContext, roomName: string): Promise<void> => {
    if (ctx.data.get("name") !== undefined) return;
    const sessionId = ctx.sessionId as string;
    const name = (await store.name(ctx.playerId as number)) ?? "?";
    if (!ROOM.test(roomName)) {
      await ctx.gateway.setSessionData(sessionId, { name });
      return;
    }
    await ctx.gateway.setSessionData(sessionId, { name, room: roomName, missed: "1" });
    await ctx.gateway.subscribe(sessionId, [roomName]);
    await notice(roomName, `${name} is back${nodeId ? ` (on ${nodeId})` : ""}`);
  };

  server.route(1100, chat.JoinReq, chat.JoinResp, async (req, ctx) => {
    if (!ROOM.test(req.room))
      throw new TetherError(ErrorCode.BAD_REQUEST, "room names are 1-32 letters, digits, _ or -");
    await restore(ctx, ""); // its name, after a crash of its node
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
    await restore(ctx, req.room);
    if (ctx.data.get("room") !== req.room) throw new TetherError(ErrorCode.BAD_REQUEST, "join the room first");
    if (req.body.length === 0 || req.body.length > MAX_BODY)
      throw new TetherError(10001, `messages are 1-${MAX_BODY} characters`);
    if ((req.kind === chat.Kind.KIND_IMAGE || req.kind === chat.Kind.KIND_LINK) && !/^https?:\/\//.test(req.body)) {
      throw new TetherError(10002, "images and links must be http(s) URLs");
    }
    const msg = await store.append(req.room, {
      room: req.room,
      from: ctx.data.get("name") ?? "?",
      kind: req.kind,
      body: req.body,
      ts: Date.now(),
    });
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

  server.route(1104, chat.HereReq, chat.HereResp, async (req, ctx) => {
    const here = { nodeId, canKill: kill !== undefined };
    await restore(ctx, req.room);
    const roomName = ctx.data.get("room");
    if (ctx.data.get("missed") === undefined || roomName === undefined) return here;
    await ctx.gateway.deleteSessionData(ctx.sessionId as string, ["missed"]);
    return { ...here, rejoined: true, history: await store.history(roomName) };
  });

  // One-way, so that it is never retried on the node the client resumes on.
  if (kill !== undefined) server.notify(1105, chat.Empty, () => kill());

  const close = async () => {
    try {
      await server.close({ drainMs: 500, handoffMs: 1000 });
    } finally {
      await store.close();
    }
  };
  try {
    await server.listen(); // joins the cluster (in cluster mode) before the node takes connections
  } catch (e) {
    await close().catch(() => {});
    throw e;
  }
  return {
    prefix,
    title: "Chat: rooms, typing, resume with replay",
    description:
      "Rooms are topics and every message is a reliable push: a window that drops off the network " +
      "comes back to exactly what it missed, in order and once.",
    tether: server,
    serve: staticFiles(webDir, WEB_FILES, prefix),
    close,
  };
}

/** The chat alone on its own HTTP server (`node examples/chat/dist/main.js`, the chat's tests). */
export async function startChatServer(
  port = 8080,
  host = "127.0.0.1",
  options: Partial<ServerOptions> = {},
  chatOptions: ChatOptions = {},
): Promise<ChatServer> {
  const hosted = await hostApp(port, host, (http) => mountChat(http, "", options, chatOptions));
  return { http: hosted.http, tether: hosted.app.tether, url: hosted.url, close: hosted.close };
}
