/**
 * Small output buffers carved from shared slabs, the way Node's `Buffer.allocUnsafe` pools
 * them, but browser-safe. `new Uint8Array(n)` above 64 bytes gets a backing store of its own
 * outside the JavaScript heap, which costs about a microsecond to make and more to collect; a
 * frame is usually 60 to 300 bytes and there is one per message, so the codec takes its output
 * from here. A returned view is zero-filled, never handed out twice, and keeps its slab alive
 * (at most SLAB_BYTES) while it is referenced; its `.buffer` is shared, so read it through
 * `byteOffset`/`byteLength` (or copy it) and never transfer it.
 */

const SLAB_BYTES = 16 * 1024;
/** Larger buffers get their own store (a slab would be spent on few of them). */
const MAX_POOLED_BYTES = 2 * 1024;

/**
 * A pool of small buffers. The shared one serves short-lived output (frames); a component that
 * keeps many small buffers for long (the dedup cache) uses a pool of its own, so what it keeps
 * sits densely in few slabs instead of pinning slabs that were mostly transient.
 */
export class BytePool {
  private slab = new Uint8Array(SLAB_BYTES);
  private used = 0;

  /** A zero-filled Uint8Array of `length` bytes, pooled when small. */
  alloc(length: number): Uint8Array {
    if (length > MAX_POOLED_BYTES) return new Uint8Array(length);
    if (this.used + length > SLAB_BYTES) {
      this.slab = new Uint8Array(SLAB_BYTES);
      this.used = 0;
    }
    const out = this.slab.subarray(this.used, this.used + length);
    this.used += (length + 7) & ~7; // 8-byte aligned, like Node's pool
    return out;
  }

  /** A pooled copy of `bytes`. */
  copy(bytes: Uint8Array): Uint8Array {
    const out = this.alloc(bytes.length);
    out.set(bytes);
    return out;
  }
}

const shared = new BytePool();

/** A zero-filled Uint8Array of `length` bytes from the shared pool (pooled when small). */
export function allocBytes(length: number): Uint8Array {
  return shared.alloc(length);
}

/** A copy of `bytes` from the shared pool. */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  return shared.copy(bytes);
}
