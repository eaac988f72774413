/**
 * One connection attempt once its socket is open (docs/client.md §3, steps 2 to 4): the
 * ClientHello, the Resume and what its answer decides (sessions.md §4), and the Sync while a
 * snapshot is awaited. The client opens the socket before and goes `ready` after.
 */
import {
  CloseCode,
  ErrorCode,
  type Frame,
  fromHex,
  isTetherError,
  ResumeReq,
  ResumeResp,
  ResumeResult,
  SyncReq,
  SystemMsgId,
  type TetherError,
} from "@tether/protocol";
import type { AckScheduler } from "./ack-scheduler.js";
import type { ClientEvents, ClientState, Emitter } from "./events.js";
import type { Handlers } from "./handlers.js";
import type { Negotiated } from "./link.js";
import type { ClientOptions } from "./options.js";
import type { PushPipeline } from "./push-pipeline.js";
import type { RequestBook } from "./requests.js";
import type { SessionRecord } from "./session-record.js";

/** The system calls an attempt makes on its link. */
export interface AttemptLink {
  hello(o: ClientOptions, seq: number): Promise<Negotiated>;
  call(msgId: number, seq: number, payload: Uint8Array, timeoutMs: number): Promise<Frame>;
}

/** What an attempt reads and changes: narrow views of the client's parts. */
export interface AttemptContext {
  readonly options: ClientOptions;
  readonly record: Pick<
    SessionRecord,
    "takeSeq" | "lastAppliedPushId" | "serverEpoch" | "clientInstance" | "setServerEpoch"
  >;
  readonly pipeline: Pick<PushPipeline, "reset" | "awaitingSnapshot" | "giveUpSnapshot">;
  readonly requests: Pick<RequestBook, "resend" | "expireSent">;
  readonly acks: Pick<AckScheduler, "beforeResume" | "resumed" | "applied">;
  readonly handlers: Pick<Handlers, "wantsSnapshot">;
  readonly events: Pick<Emitter<ClientEvents>, "emit">;
  setState(s: ClientState): void;
  /** The Resume named the session the connection is bound to. */
  setSession(sessionId: string): void;
}

/** Hello, Resume, Sync; resolves with what the hello negotiated once the session can be used. */
export async function handshake(link: AttemptLink, ctx: AttemptContext): Promise<Negotiated> {
  const o = ctx.options;
  ctx.setState({ kind: "handshaking" });
  const hello = await link.hello(o, ctx.record.takeSeq());
  ctx.setState({ kind: "authenticating" });
  const token = typeof o.token === "function" ? await o.token() : o.token;
  await resume(link, ctx, token);
  // Still waiting for a snapshot (now, or since an earlier Sync failed): ask for one.
  if (ctx.pipeline.awaitingSnapshot) await sync(link, ctx);
  return hello;
}

async function resume(link: AttemptLink, ctx: AttemptContext, token: string): Promise<void> {
  const { record, acks } = ctx;
  acks.beforeResume();
  const lastApplied = record.lastAppliedPushId;
  const req = ResumeReq.encode({
    token,
    lastAppliedPushId: lastApplied,
    serverEpoch: record.serverEpoch,
    clientInstance: fromHex(record.clientInstance),
  }).finish();
  const answer = await link.call(SystemMsgId.RESUME, record.takeSeq(), req, ctx.options.requestTimeoutMs);
  const resp = ResumeResp.decode(answer.payload);
  record.setServerEpoch(resp.serverEpoch);
  ctx.setSession(resp.sessionId);
  if (resp.result === ResumeResult.RESUME_OK) {
    acks.resumed(lastApplied);
    // The server answers a re-sent seq from its dedup cache or joins the run in progress.
    ctx.requests.resend();
    ctx.events.emit("resumed", { replayed: resp.replayCount });
    return;
  }
  // NEED_FULL_SYNC: the requests sent on the lost session will never be answered; the
  // session's pushIds go on from the baseline, held until the snapshot when the app keeps state.
  ctx.requests.expireSent();
  const baseline = resp.maxBufferedPushId;
  acks.resumed(Math.min(lastApplied, baseline));
  ctx.pipeline.reset(baseline, ctx.handlers.wantsSnapshot);
  acks.applied(baseline);
}

async function sync(link: AttemptLink, ctx: AttemptContext): Promise<void> {
  ctx.setState({ kind: "syncing" });
  try {
    await link.call(SystemMsgId.SYNC, ctx.record.takeSeq(), SyncReq.encode({}).finish(), ctx.options.requestTimeoutMs);
  } catch (e) {
    if (!(isTetherError(e) && e.code === ErrorCode.SYNC_UNSUPPORTED)) throw e;
    // The server has no snapshots: deliver what arrives from the baseline on.
    ctx.events.emit("error", { error: e });
    ctx.pipeline.giveUpSnapshot();
  }
}

/** A refused handshake stops the client: the error, and the close code that tells the server. */
export function refusal(e: unknown): { readonly error: TetherError; readonly closeCode: number } | undefined {
  if (!isTetherError(e)) return undefined;
  if (e.code === ErrorCode.UNAUTHORIZED) return { error: e, closeCode: CloseCode.UNAUTHORIZED };
  if (e.code === ErrorCode.UNSUPPORTED_PROTOCOL) return { error: e, closeCode: CloseCode.PROTOCOL_ERROR };
  return undefined;
}
