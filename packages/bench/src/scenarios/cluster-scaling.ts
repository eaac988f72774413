/**
 * The cluster scaling scenarios (issue "cluster mode 3/3"): two Tether nodes against one on the
 * same machine (broadcast, with Socket.IO as the peer anchor; request/response), and 1,000
 * clients moving to another node at once. Each runs on request (it needs Redis);
 * `npm run bench -- cluster` runs them with every other cluster scenario.
 */
import type { Row } from "../lib/report.js";
import { clusterBroadcast } from "./cluster-broadcast.js";
import { clusterReqResp } from "./cluster-req-resp.js";
import { clusterResumeStorm } from "./cluster-resume-storm.js";

export const clusterScaling: Record<string, () => Promise<Row[]>> = {
  "cluster-broadcast": clusterBroadcast,
  "cluster-req-resp": clusterReqResp,
  "cluster-resume-storm": clusterResumeStorm,
};
