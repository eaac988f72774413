import { describe, expect, it } from "vitest";
import {
  ClientHelloReq,
  ClientHelloResp,
  DisconnectPush,
  ErrorMessage,
  fromHex,
  LoginReq,
  LoginResp,
  ResumeReq,
  ResumeResp,
  ResumeResult,
  SyncReq,
  SyncResp,
  SyncSnapshotPush,
  toHex,
} from "../src/index.js";

const b = (byte: number, n: number) => new Uint8Array(n).fill(byte);

// Expected bytes come from an independent protobuf encoder: they pin the field numbers of
// protocol.md §3 (1..10 CivGenesis, ours after them).
describe("the system messages", () => {
  it("encode ClientHelloReq with the CivGenesis field numbers", () => {
    const bytes = ClientHelloReq.encode({
      protocolVersion: 1,
      clientVersion: "c",
      maxFrameBytes: 65536,
      supportedCompressions: [3],
      supportedCiphers: [2, 3],
      requireEncrypt: true,
      requireAckPush: true,
      clientKeyShare: b(1, 32),
      clientNonce: b(2, 32),
      ext: { k: "v" },
    }).finish();
    expect(toHex(bytes)).toBe(
      `0801120163188080042201032a020203300138014220${"01".repeat(32)}4a20${"02".repeat(32)}52060a016b120176`,
    );
  });

  it("encode ClientHelloResp with fields 11..13 after the CivGenesis ones", () => {
    const bytes = ClientHelloResp.encode({
      protocolVersion: 1,
      selectedCompression: 3,
      selectedCipher: 2,
      maxFrameBytes: 65536,
      maxInFlightReq: 64,
      maxBufferedPushCount: 2000,
      maxBufferedPushAgeMillis: 60000,
      serverKeyShare: Uint8Array.of(3),
      serverNonce: Uint8Array.of(4),
      serverEpoch: "ep",
      serverSignature: Uint8Array.of(5),
      heartbeatIntervalMillis: 25000,
      compressionMinBytes: 256,
    }).finish();
    expect(toHex(bytes)).toBe("08011003180220808004284030d00f38e0d4034201034a0104520265705a010560a8c301688002");
  });

  it("keep LoginReq.kick_existing_session's explicit false on the wire and absent when unset", () => {
    expect(toHex(LoginReq.encode({ token: "p:1", kickExistingSession: false }).finish())).toBe("0a03703a311000");
    expect(toHex(LoginReq.encode({ token: "p:1" }).finish())).toBe("0a03703a31");
    const decoded = LoginReq.decode(fromHex("0a03703a311000"));
    expect(decoded.kickExistingSession).toBe(false);
    expect(LoginReq.decode(fromHex("0a03703a31")).kickExistingSession ?? "absent").toBe("absent");
  });

  it("decode 64-bit fields as numbers", () => {
    const m = LoginResp.decode(fromHex("082a100718012080d0eab6b7332a01733009"));
    expect(m.playerId).toBe(42);
    expect(m.serverTimeMillis).toBe(1767225600000);
    expect(typeof m.sessionEpoch).toBe("number");
    expect(m.sessionId).toBe("s");
    expect(m.lastIssuedPushId).toBe(9);
  });

  it("encode ResumeReq and ResumeResp field for field", () => {
    expect(
      toHex(
        ResumeReq.encode({
          token: "t",
          lastAppliedPushId: 5,
          clientStateRevision: 6,
          serverEpoch: "e",
          clientInstance: b(7, 16),
        }).finish(),
      ),
    ).toBe(`0a0174100518062201652a10${"07".repeat(16)}`);
    const resp = ResumeResp.decode(fromHex("0801100218032004280530063a016540084a0173500a"));
    expect(resp.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    expect([resp.serverStateRevision, resp.minBufferedPushId, resp.maxBufferedPushId, resp.playerId]).toEqual([
      2, 3, 4, 5,
    ]);
    expect([resp.sessionEpoch, resp.serverEpoch, resp.serverTimeMillis, resp.sessionId, resp.replayCount]).toEqual([
      6,
      "e",
      8,
      "s",
      10,
    ]);
  });

  it("encode Sync, snapshot, Disconnect and Error messages", () => {
    expect(toHex(SyncReq.encode({ clientStateRevision: 3 }).finish())).toBe("0803");
    expect(toHex(SyncResp.encode({ snapshotPushId: 4 }).finish())).toBe("0804");
    expect(toHex(SyncSnapshotPush.encode({ serverStateRevision: 5, snapshot: Uint8Array.of(9) }).finish())).toBe(
      "0805120109",
    );
    expect(toHex(DisconnectPush.encode({ code: 4500, reason: "r", reconnect: true }).finish())).toBe(
      "0894231201721801",
    );
    expect(
      toHex(ErrorMessage.encode({ code: 1003, message: "m", retryable: true, detail: { route: "fail" } }).finish()),
    ).toBe("08eb0712016d1801220d0a05726f75746512046661696c");
  });
});
