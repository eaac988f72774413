/**
 * Gateway targets held by other nodes of the cluster (cluster.md, cross-node delivery): the
 * sessions and players a push names that this node does not hold go to their owners through the
 * Cluster. One node alone has none: every call answers 0 at once.
 */
import type { Cluster, PushOptions } from "@tether/system";

export class RemoteTargets {
  constructor(private readonly cluster: Cluster) {}

  /** A push to each of `sessionIds` (none held here); resolves with how many took it. */
  async toSessions(sessionIds: readonly string[], msgId: number, payload: Uint8Array, options: PushOptions = {}) {
    if (sessionIds.length === 0) return 0;
    const sent = await Promise.all(sessionIds.map((id) => this.cluster.sendElsewhere(id, msgId, payload, options)));
    return sent.filter(Boolean).length;
  }

  /** A push to the sessions of `playerIds` held by other nodes; resolves with how many took it. */
  async toPlayers(playerIds: readonly number[], msgId: number, payload: Uint8Array, options: PushOptions = {}) {
    const ids = [...new Set(playerIds)].filter((id) => Number.isSafeInteger(id) && id > 0);
    const sent = await Promise.all(ids.map((id) => this.cluster.sendToPlayerElsewhere(id, msgId, payload, options)));
    return sent.reduce((a, b) => a + b, 0);
  }
}

/**
 * `value` once the pushes just issued are durable (cluster durability "log": appended to
 * Redis); at once otherwise.
 */
export function durable<T>(cluster: Cluster, value: T): T | Promise<T> {
  const barrier = cluster.barrier();
  return barrier === undefined ? value : barrier.then(() => value);
}
