/**
 * A joined node's upkeep (cluster.md, nodes and Redis outages): renewing its registration and
 * its attached sessions' keys, purging the topic members of nodes found dead, and re-asserting
 * everything it holds when Redis comes back after an outage.
 */
import type { ClusterHost, GatewayHere, Logger } from "@tether/system";
import type { Joined } from "./join.js";
import type { Keys } from "./keys.js";

/**
 * Renews this node's registration, and the keys of its attached sessions before they expire;
 * purges the topic members of nodes found dead. Failures are logged; the next renewal retries.
 */
export function renew(j: Joined, host: ClusterHost, logger: Logger | undefined): void {
  j.link
    .register(host.counts())
    .catch((e: unknown) => logger?.warn("redis: could not renew the node", { error: String(e) }));
  j.ownership.renewAttached(host.limits.sessionTtlMs, (sid) => host.isAttached(sid));
  j.link
    .deadNodes()
    .then((dead) => Promise.all(dead.map((id) => j.membership.purge(id).then(() => j.link.forgetNode(id)))))
    .catch((e: unknown) => logger?.warn("redis: could not purge dead nodes", { error: String(e) }));
}

/**
 * Redis is back (it may have lost everything): the node registers again, writes the cluster's
 * serverEpoch if it is gone, and re-asserts the sessions it owns. One another node took over
 * meanwhile is closed here (4500) without an end; one a Login replaced is ended. Then the node
 * writes its topic membership again and listens to its topics.
 */
export async function reassert(
  j: Joined,
  host: ClusterHost,
  here: GatewayHere,
  keys: Keys,
  logger: Logger | undefined,
): Promise<void> {
  await j.link.register(host.counts());
  await j.redis.set(keys.serverEpoch, j.serverEpoch, "NX");
  const { moved, replaced } = await j.ownership.reassert((sid) => host.isAttached(sid));
  for (const sid of moved) {
    // Another node holds it now: this node lets it go without ending it.
    host.handOff(sid).catch((e: unknown) => logger?.warn("closing a moved session failed", { error: String(e) }));
  }
  for (const sid of replaced) host.endReplaced(sid);
  const sessions = j.ownership
    .sessions()
    .map((s) => ({ sessionId: s.sid, playerId: s.playerId, topics: here.topicsOf(s.sid) }));
  await j.membership.reassert(sessions);
  logger?.info("redis: back; ownership re-asserted", { moved: moved.length, replaced: replaced.length });
}
