/**
 * The arena's message ids (proto/examples/arena.proto has the messages): requests 1300-1304,
 * pushes 2300 (positions, best effort, every tick) and 2301 (world events, reliable, rev =
 * world revision). Shared by the server, the page and the Node bots.
 */
export const Msg = {
  /** One-way InputReq: where the player wants to go. */
  INPUT: 1300,
  /** ZapReq -> ZapResp. */
  ZAP: 1301,
  /** PingReq -> PingResp: a round trip, for the RTT. */
  PING: 1302,
  /** HereReq -> HereResp: node, kill button, player id. */
  HERE: 1303,
  /** One-way Empty: the cluster demo's "kill this node". */
  KILL: 1304,
  /** StatePush, best effort. */
  POSITIONS: 2300,
  /** WorldEvent, reliable, rev = the revision it makes. */
  EVENT: 2301,
} as const;
