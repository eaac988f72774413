/**
 * Draws the world on the canvas, one frame per animation frame: the floor, the coins, every
 * player at its last pushed position (yours with a white ring, a stunned one faded), zaps as a
 * fading ring. The canvas's own pixels are world units (960 x 600); CSS scales it to the page.
 */
import type { ArenaModel } from "../src/arena-model.js";
import { COIN_RADIUS, HEIGHT, PLAYER_RADIUS, WIDTH, ZAP_RANGE } from "../src/rules.js";

const FLOOR = "#101820";
const GRID = "#17222e";
const ZAP_MS = 350;

export const hex = (color: number) => `#${color.toString(16).padStart(6, "0")}`;

export class Renderer {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly zaps: { id: number; at: number }[] = [];

  constructor(
    canvas: HTMLCanvasElement,
    private readonly model: ArenaModel,
  ) {
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx) throw new Error("no 2D canvas here");
    this.ctx = ctx;
  }

  /** A zap went off at player `id` (drawn for a moment). */
  zapped(id: number): void {
    this.zaps.push({ id, at: performance.now() });
  }

  draw(me: number): void {
    const { ctx, model } = this;
    ctx.fillStyle = FLOOR;
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.strokeStyle = GRID;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let x = 40; x < WIDTH; x += 40) {
      ctx.moveTo(x + 0.5, 0);
      ctx.lineTo(x + 0.5, HEIGHT);
    }
    for (let y = 40; y < HEIGHT; y += 40) {
      ctx.moveTo(0, y + 0.5);
      ctx.lineTo(WIDTH, y + 0.5);
    }
    ctx.stroke();

    ctx.fillStyle = "#f5c542";
    for (const c of model.coins.values()) {
      ctx.beginPath();
      ctx.arc(c.x, c.y, COIN_RADIUS, 0, Math.PI * 2);
      ctx.fill();
    }

    const now = performance.now();
    while (this.zaps.length > 0 && now - (this.zaps[0]?.at ?? now) > ZAP_MS) this.zaps.shift();
    for (const z of this.zaps) {
      const p = model.positions.get(z.id);
      if (!p) continue;
      ctx.strokeStyle = `rgba(196, 120, 255, ${1 - (now - z.at) / ZAP_MS})`;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(p.x, p.y, ZAP_RANGE * ((now - z.at) / ZAP_MS), 0, Math.PI * 2);
      ctx.stroke();
    }

    // The player in front is drawn last, so that it is never hidden.
    const ids = [...model.positions.keys()].sort((a, b) => (a === me ? 1 : b === me ? -1 : a - b));
    // Names stay readable (13 CSS px) however small the canvas is shown.
    const scale = Math.max(1, this.ctx.canvas.width / Math.max(1, this.ctx.canvas.clientWidth));
    ctx.font = `600 ${Math.round(13 * scale)}px system-ui, sans-serif`;
    ctx.textAlign = "center";
    for (const id of ids) {
      const p = model.positions.get(id);
      const who = model.players.get(id);
      if (!p || !who) continue;
      // A stunned player is drawn faded until it can move again.
      ctx.globalAlpha = p.stunned ? 0.4 : 1;
      ctx.fillStyle = hex(who.color);
      ctx.beginPath();
      ctx.arc(p.x, p.y, PLAYER_RADIUS, 0, Math.PI * 2);
      ctx.fill();
      ctx.globalAlpha = 1;
      if (id === me) {
        ctx.strokeStyle = "#ffffff";
        ctx.lineWidth = 3;
        ctx.stroke();
      }
      // The name above, kept inside the canvas near a wall.
      const half = ctx.measureText(who.name).width / 2 + 2;
      ctx.fillStyle = "#e7ecf3";
      ctx.fillText(
        who.name,
        Math.max(half, Math.min(WIDTH - half, p.x)),
        Math.max(p.y - PLAYER_RADIUS - 7, 14 * scale),
      );
    }
  }
}
