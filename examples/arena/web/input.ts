/**
 * The player's input: arrows or WASD, or on a touch screen the point being touched (the player
 * heads for it). Reports a direction (each axis -1, 0 or 1) whenever it changes.
 */
import { toward } from "../src/rules.js";

const KEYS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  KeyA: [-1, 0],
  KeyD: [1, 0],
  KeyW: [0, -1],
  KeyS: [0, 1],
};

export interface Direction {
  readonly dx: number;
  readonly dy: number;
}

export class PlayerInput {
  private readonly held = new Set<string>();
  private pointer: { x: number; y: number } | undefined;
  private last = "0,0";

  constructor(
    canvas: HTMLCanvasElement,
    /** Where the player is now (world units), for touch steering. */
    private readonly at: () => { x: number; y: number } | undefined,
    private readonly changed: (d: Direction) => void,
    zap: () => void,
  ) {
    window.addEventListener("keydown", (e) => {
      if (e.target instanceof HTMLInputElement) return;
      if (e.code === "Space") {
        e.preventDefault();
        if (!e.repeat) zap();
      } else if (KEYS[e.code]) {
        e.preventDefault();
        this.held.add(e.code);
        this.update();
      }
    });
    window.addEventListener("keyup", (e) => {
      this.held.delete(e.code);
      this.update();
    });
    window.addEventListener("blur", () => {
      this.held.clear();
      this.update();
    });
    const aim = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      this.pointer = {
        x: ((e.clientX - r.left) / r.width) * canvas.width,
        y: ((e.clientY - r.top) / r.height) * canvas.height,
      };
      this.update();
    };
    canvas.addEventListener("pointerdown", (e) => {
      canvas.setPointerCapture(e.pointerId);
      aim(e);
    });
    canvas.addEventListener("pointermove", (e) => {
      if (this.pointer) aim(e);
    });
    const release = () => {
      this.pointer = undefined;
      this.update();
    };
    canvas.addEventListener("pointerup", release);
    canvas.addEventListener("pointercancel", release);
  }

  /** The current direction; re-evaluated as the player moves toward a touched point. */
  direction(): Direction {
    let dx = 0;
    let dy = 0;
    for (const k of this.held) {
      const [x, y] = KEYS[k] ?? [0, 0];
      dx += x;
      dy += y;
    }
    const me = this.at();
    if (this.pointer && me) {
      dx = toward(me.x, this.pointer.x);
      dy = toward(me.y, this.pointer.y);
    }
    return { dx: Math.sign(dx), dy: Math.sign(dy) };
  }

  /** Reports the direction when it changed (call on each frame too, for touch steering). */
  update(): void {
    const d = this.direction();
    const key = `${d.dx},${d.dy}`;
    if (key === this.last) return;
    this.last = key;
    this.changed(d);
  }

  /** Reports the current direction again (after a reconnect the server may have lost it). */
  resend(): void {
    this.changed(this.direction());
  }
}
