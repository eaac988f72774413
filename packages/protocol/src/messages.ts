/**
 * The system messages of protocol.md §3 (package `tether.system`), re-exported from the
 * generated code under short names. Encode with `ClientHelloReq.encode(msg).finish()`, decode
 * with `ClientHelloReq.decode(bytes)`.
 */
import { tether } from "./gen/system.js";

const sys = tether.system;

export const ClientHelloReq = sys.ClientHelloReq;
export type ClientHelloReq = tether.system.ClientHelloReq;
export const ClientHelloResp = sys.ClientHelloResp;
export type ClientHelloResp = tether.system.ClientHelloResp;
export const LoginReq = sys.LoginReq;
export type LoginReq = tether.system.LoginReq;
export const LoginResp = sys.LoginResp;
export type LoginResp = tether.system.LoginResp;
export const ResumeReq = sys.ResumeReq;
export type ResumeReq = tether.system.ResumeReq;
export const ResumeResp = sys.ResumeResp;
export type ResumeResp = tether.system.ResumeResp;
export const ResumeResult = sys.ResumeResp.Result;
export type ResumeResult = tether.system.ResumeResp.Result;
export const SyncReq = sys.SyncReq;
export type SyncReq = tether.system.SyncReq;
export const SyncResp = sys.SyncResp;
export type SyncResp = tether.system.SyncResp;
export const SyncSnapshotPush = sys.SyncSnapshotPush;
export type SyncSnapshotPush = tether.system.SyncSnapshotPush;
export const DisconnectPush = sys.DisconnectPush;
export type DisconnectPush = tether.system.DisconnectPush;
export const LogoutReq = sys.LogoutReq;
export type LogoutReq = tether.system.LogoutReq;
export const LogoutResp = sys.LogoutResp;
export type LogoutResp = tether.system.LogoutResp;
/** The payload of a RESP with the ERROR flag. Named ErrorMessage to keep clear of JS `Error`. */
export const ErrorMessage = sys.Error;
export type ErrorMessage = tether.system.Error;

/** The protocol version this package speaks (ClientHello.protocol_version). */
export const PROTOCOL_VERSION = 1;
