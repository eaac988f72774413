/**
 * A bot over the network: a TetherClient with an ArenaModel (snapshot, then reliable events,
 * skipping any the snapshot already covers), heading for the nearest coin by sending its input.
 * The arena's tests use bots as players; `npm run arena` runs a few.
 */
import { TetherClient } from "@tether/client";
import { nodeTransport } from "@tether/client/node";
import { tether } from "@tether/protocol/gen/arena";
import { Msg } from "./arena-messages.js";
import { ArenaModel } from "./arena-model.js";
import { INPUT_EVERY_MS, nearest, toward } from "./rules.js";

const arena = tether.arena;

export class Bot {
  readonly client: TetherClient;
  readonly model = new ArenaModel();
  playerId = 0;
  private running = false;
  private lastInput = "";
  private lastSentAt = 0;
  private readonly waiters: { revision: number; resolve: () => void }[] = [];

  constructor(
    url: string,
    readonly name: string,
  ) {
    this.client = new TetherClient({ url, token: name, transport: nodeTransport });
    this.client.onSnapshot((bytes) => {
      this.model.applySnapshot(arena.ArenaSnapshot.decode(bytes));
      this.settle();
    });
    this.client.onPush(Msg.EVENT, arena.WorldEvent, (e, meta) => {
      if (this.model.apply(meta.rev, e)) this.settle();
    });
    this.client.onPush(Msg.POSITIONS, arena.StatePush, (p) => {
      this.model.applyPositions(p);
      if (this.running) this.steer();
    });
  }

  async start(): Promise<void> {
    await this.client.connect();
    this.playerId = (await this.client.request(Msg.HERE, arena.HereReq, {}, arena.HereResp)).playerId;
    this.running = true;
  }

  /** Moves again after stop(). */
  play(): void {
    this.running = true;
  }

  /** Stops moving (the connection stays). */
  stop(): void {
    this.running = false;
    this.client.notify(Msg.INPUT, arena.InputReq, { dx: 0, dy: 0 });
  }

  /** Resolves once the bot's model has reached `revision`. */
  reached(revision: number): Promise<void> {
    if (this.model.revision >= revision) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ revision, resolve }));
  }

  private settle(): void {
    for (const w of [...this.waiters]) {
      if (this.model.revision >= w.revision) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  private steer(): void {
    const me = this.model.positions.get(this.playerId);
    if (!me || this.client.state.kind !== "ready") return;
    const coin = nearest(this.model.coins.values(), me);
    const dx = coin ? toward(me.x, coin.x) : 0;
    const dy = coin ? toward(me.y, coin.y) : 0;
    // Sent when it changes, and every INPUT_EVERY_MS anyway (the server forgets old input).
    const now = Date.now();
    if (`${dx},${dy}` === this.lastInput && now - this.lastSentAt < INPUT_EVERY_MS) return;
    this.lastInput = `${dx},${dy}`;
    this.lastSentAt = now;
    this.client.notify(Msg.INPUT, arena.InputReq, { dx, dy });
  }
}
