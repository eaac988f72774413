/**
 * What the showcase's one port answers, without a browser: the landing page lists exactly the
 * mounted apps, `/chat` redirects to `/chat/`, an unknown path is 404, a WebSocket on `/chat/ws`
 * reaches the chat's Tether server and one on a path no app owns is refused.
 */
import { once } from "node:events";
import { mountChat } from "@tether/chat";
import { TetherClient } from "@tether/client";
import { nodeTransport } from "@tether/client/node";
import { tether } from "@tether/protocol/gen/chat";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type Showcase, startShowcase } from "../src/showcase.js";

const chat = tether.chat;
let showcase: Showcase;

beforeAll(async () => {
  showcase = await startShowcase({
    port: 0,
    apps: [
      (http) => mountChat(http, "/chat"),
      async (http) => ({ ...(await mountChat(http, "/second")), title: "Second <chat>: the same, elsewhere" }),
    ],
  });
});

afterAll(async () => {
  await showcase?.close();
});

const get = (path: string) => fetch(new URL(path, showcase.url), { redirect: "manual" });

describe("the showcase's HTTP server", () => {
  it("lists exactly the mounted apps on the landing page, with their titles", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect([...html.matchAll(/<a class="open" href="([^"]*)"/g)].map((m) => m[1])).toEqual(["/chat/", "/second/"]);
    expect([...html.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1])).toEqual(["Chat", "Second &lt;chat&gt;"]);
    expect(html).toContain("rooms, typing, resume with replay");
    expect(html).not.toContain("<!-- cards -->");
    expect((await get("/style.css")).status).toBe(200);
  });

  it("redirects an app's prefix to the prefix with a slash, keeping the query", async () => {
    for (const [from, to] of [
      ["/chat", "/chat/"],
      ["/chat?room=x", "/chat/?room=x"],
    ]) {
      const res = await get(from as string);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(to);
    }
    const page = await get("/chat/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="app.js">');
    expect((await get("/chat/app.js")).status).toBe(200);
  });

  it.each(["/nope", "/chat/nope", "/chatroom/", "/index.html", "/app.js"])("answers %s with 404", async (path) => {
    expect((await get(path)).status).toBe(404);
  });

  it("takes a WebSocket on /chat/ws to the chat's Tether server", async () => {
    const url = new URL("chat/ws", showcase.url.replace(/^http/, "ws")).href;
    const client = new TetherClient({ url, token: "alice", transport: nodeTransport });
    try {
      await client.connect();
      expect(client.state.kind).toBe("ready");
      const joined = await client.request(1100, chat.JoinReq, { room: "lobby" }, chat.JoinResp);
      expect(joined.online).toEqual(["alice"]);
      // Not the other chat mounted beside it.
      const other = showcase.apps.find((a) => a.prefix === "/second");
      expect((await other?.tether.gateway.topicMembers(["lobby"]))?.lobby ?? []).toEqual([]);
    } finally {
      client.close();
    }
  });

  it("refuses a WebSocket on a path no app owns with 404", async () => {
    const ws = new WebSocket(new URL("arena/ws", showcase.url.replace(/^http/, "ws")).href);
    ws.on("error", () => {});
    const [, res] = (await once(ws, "unexpected-response")) as [unknown, { statusCode: number }];
    expect(res.statusCode).toBe(404);
    ws.terminate();
  });

  it("rejects two apps on one prefix, closing what it mounted", async () => {
    await expect(
      startShowcase({ port: 0, apps: [(http) => mountChat(http, "/chat"), (http) => mountChat(http, "/chat")] }),
    ).rejects.toThrow(/prefix/);
  });
});
