/** Test support shared by Tether's suites. Subpaths: `./echo` (conformance server), `./chromium`, `./browser-bundle`, `./port-tests`. */

export { ManualClock } from "@tether/system";
export { Balancer, splice } from "./balancer.js";
export { type Closed, errorOf, FrameClient, type HelloOffer, isError, rejectionOf } from "./frame-client.js";
export { prng } from "./prng.js";
export { type EchoFlagsLike, echoKit, type ServerFactory, type ServerKit, serverKit } from "./server-kit.js";
export * from "./vectors.js";
export { upgradeStatus, WsClient } from "./ws-client.js";
