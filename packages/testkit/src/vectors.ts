/** Loads the golden vectors shared by the protocol, server and client tests. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const VECTORS_DIR = join(dirname(fileURLToPath(import.meta.url)), "vectors");

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
