/**
 * Loads the golden vectors shared by the protocol tests and the conformance fuzzer. The files
 * stay where the protocol spec names them (`packages/protocol/test/vectors/`, docs/protocol.md
 * section 10); they are found through the installed @tether/protocol package, not a relative path.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** `packages/protocol/test/vectors`, from the resolved `@tether/protocol` entry (`dist/index.js`). */
export const VECTORS_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@tether/protocol")),
  "..",
  "test",
  "vectors",
);

export function loadVectors<T>(file: string): T {
  return JSON.parse(readFileSync(join(VECTORS_DIR, file), "utf8")) as T;
}

/** A frame as written in the vectors: only non-zero fields, payload as hex. */
export interface VectorFrame {
  type: number;
  flags?: number;
  msgId?: number;
  seq?: number;
  pushId?: number;
  ts?: number;
  ackPushId?: number;
  rev?: number;
  ackSeq?: number;
  payload?: string;
}

export interface ValidFrameVector {
  name: string;
  hex: string;
  frame: VectorFrame;
  /** Accepted by readers but not what the writer emits. */
  decodeOnly?: boolean;
}

export interface InvalidFrameVector {
  name: string;
  hex: string;
  error: "INVALID_FRAME";
  rule: string;
}

export interface GzipVector {
  name: string;
  gzip: string;
  maxBytes: number;
  plain?: string;
  error?: "INVALID_FRAME";
  rule?: string;
}
