/**
 * Request payloads for the fuzz suite: attacker tokens, a payload generator per route (system and
 * echo), their short readings for the action log, and the guard that keeps attackers off the
 * bystander's player.
 */
import { ClientHelloReq, LoginReq, LogoutReq, ResumeReq, SyncReq } from "@tether/protocol";
import { tether } from "@tether/protocol/gen/echo";
import { hostileHello } from "./hostile-hello.js";
import type { Rng } from "./rng.js";

export const echo = tether.echo;

/** The player the bystander is: attackers never log in as it and never kick it. */
export const BYSTANDER_PLAYER = 999;

export function attackerToken(rng: Rng): string {
  const r = rng.float();
  if (r < 0.7) return `p:${rng.int(1, 6)}`;
  if (r < 0.85) return `p:${rng.int(1, 6)}:${rng.pick(["a", "b", rng.text(20)])}`;
  const t = rng.pick(["", "p:", "p:0", "p:-1", "p:01", "x", "p:9007199254740993", "p:1\n", rng.text(3000)]);
  return /^p:0*999(?::|$)/.test(t) ? "p:1" : t;
}

export const PAD_BYTES = [0, 0, 0, 10, 300, 5000, 60_000, 65_439, 65_440, 65_441, 70_000, 2_000_000, 2 ** 32 - 1];

/**
 * A payload for `msgId`: usually a message of that route's type with random (sometimes
 * extreme) fields, else random bytes. `avoidKnown` leaves out the inputs of the known crashes (pad_bytes over the frame limit, tiny max_frame_bytes).
 */
export function payloadFor(
  rng: Rng,
  msgId: number,
  ctx: { serverEpoch: string; lastPushId: number; avoidKnown: boolean },
): Uint8Array {
  if (rng.chance(0.15)) return rng.bytes(rng.size(200));
  switch (msgId) {
    case 1000:
    case 1012:
      return echo.EchoReq.encode({
        text: rng.chance(0.02) ? "x".repeat(rng.int(60_000, 70_000)) : rng.text(200),
      }).finish();
    case 1001: {
      const pads = ctx.avoidKnown ? PAD_BYTES.filter((p) => p < 65_000) : PAD_BYTES;
      return echo.PushMeReq.encode({
        count: rng.chance(0.9) ? rng.int(0, 5) : rng.pick([50, 300, 1000]),
        reliable: rng.chance(0.6),
        padBytes: rng.pick(pads),
        intervalMs: rng.pick([0, 0, 0, 1, 5, 30]),
        compressHint: rng.chance(0.5),
      }).finish();
    }
    case 1002:
      return echo.FailReq.encode({
        code: rng.pick([0, 1001, 1005, 1010, 1014, 1015, 9999, 10_000, 12_345, -1, 2 ** 31 - 1, -(2 ** 31)]),
        message: rng.text(300),
      }).finish();
    case 1003:
      return echo.SlowReq.encode({ ms: rng.pick([0, 1, 10, 100, 400, 2500, 2 ** 31, 2 ** 32 - 1]) }).finish();
    case 1004:
    case 1006:
      return echo.TopicReq.encode({ topic: rng.chance(0.7) ? rng.pick(["a", "b", ""]) : rng.text(500) }).finish();
    case 1005:
      return echo.PublishReq.encode({ topic: rng.pick(["a", "b", "", "zz"]), text: rng.text(500) }).finish();
    case 1008:
      return echo.KickReq.encode({
        playerId: rng.pick([1, 2, 3, 4, 5, 6, 0, 12_345, 2 ** 53 - 1]),
        reason: rng.text(300),
      }).finish();
    case 1010:
      return echo.BroadcastReq.encode({ text: rng.text(300) }).finish();
    case 1: {
      return hostileHello(rng, { avoidTiny: ctx.avoidKnown }).bytes;
    }
    case 2: {
      const kick = rng.pick([undefined, true, false]);
      return LoginReq.encode(
        kick === undefined ? { token: attackerToken(rng) } : { token: attackerToken(rng), kickExistingSession: kick },
      ).finish();
    }
    case 3:
      return ResumeReq.encode({
        token: attackerToken(rng),
        lastAppliedPushId: rng.pick([0, ctx.lastPushId, ctx.lastPushId + 1, rng.int(0, 3000), 2 ** 53 - 1]),
        clientStateRevision: rng.pick([0, 1, 2 ** 53 - 1]),
        serverEpoch: rng.pick([ctx.serverEpoch, ctx.serverEpoch, "", rng.text(40)]),
        clientInstance: rng.bytes(rng.pick([0, 16, 16, 3, 100])),
      }).finish();
    case 4:
      return SyncReq.encode({ clientStateRevision: rng.pick([0, 1, 5, 2 ** 53 - 1]) }).finish();
    case 7:
      return LogoutReq.encode({}).finish();
    default:
      return rng.bytes(rng.size(64));
  }
}

const PAYLOAD_TYPES: Record<number, { decode(b: Uint8Array): object }> = {
  1: ClientHelloReq,
  2: LoginReq,
  3: ResumeReq,
  4: SyncReq,
  1000: echo.EchoReq,
  1001: echo.PushMeReq,
  1002: echo.FailReq,
  1003: echo.SlowReq,
  1004: echo.TopicReq,
  1005: echo.PublishReq,
  1006: echo.TopicReq,
  1008: echo.KickReq,
  1010: echo.BroadcastReq,
  1012: echo.EchoReq,
};

/** A short reading of a request payload for the action log (long strings and bytes by size). */
export function describePayload(msgId: number, payload: Uint8Array): string {
  const type = PAYLOAD_TYPES[msgId];
  if (type === undefined) return `${payload.length} bytes`;
  try {
    const json = JSON.stringify(type.decode(payload), (_k, v: unknown) =>
      typeof v === "string" && v.length > 40 ? `<${v.length} chars>` : v,
    );
    return json.length > 240 ? `${json.slice(0, 240)}...` : json;
  } catch {
    return `${payload.length} bytes that do not decode`;
  }
}

/** Whether a request would touch the bystander (a kick of its player); such requests are not sent. */
export function touchesBystander(msgId: number, payload: Uint8Array): boolean {
  if (msgId === 1008) {
    try {
      return Number(echo.KickReq.decode(payload).playerId) === BYSTANDER_PLAYER;
    } catch {
      return false;
    }
  }
  if (msgId === 2 || msgId === 3) {
    try {
      const token = msgId === 2 ? LoginReq.decode(payload).token : ResumeReq.decode(payload).token;
      return /^p:0*999(?::|$)/.test(token ?? "");
    } catch {
      return false;
    }
  }
  return false;
}
