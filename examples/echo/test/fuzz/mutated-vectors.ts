/** The golden frame vectors (valid and invalid) and the mutators the fuzz suite applies to them. */
import { type InvalidFrameVector, loadVectors, type ValidFrameVector } from "@tether/testkit";
import { type Item, num, readItems, varint, varintValue, writeItems } from "./loose-frames.js";
import type { Rng } from "./rng.js";

export const VALID_VECTORS = loadVectors<ValidFrameVector[]>("frames-valid.json").map((v) => fromHexLoose(v.hex));
export const INVALID_VECTORS = loadVectors<InvalidFrameVector[]>("frames-invalid.json").map((v) => fromHexLoose(v.hex));

function fromHexLoose(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

type Mutator = (rng: Rng, b: Uint8Array) => Uint8Array;

const MUTATORS: [string, Mutator][] = [
  [
    "bit-flips",
    (rng, b) => {
      const out = Uint8Array.from(b);
      if (out.length === 0) return out;
      for (let n = rng.int(1, 4); n > 0; n--) {
        const i = rng.int(0, out.length - 1);
        out[i] = (out[i] as number) ^ (1 << rng.int(0, 7));
      }
      return out;
    },
  ],
  ["truncate", (rng, b) => b.slice(0, rng.int(0, Math.max(0, b.length - 1)))],
  ["append", (rng, b) => Uint8Array.from([...b, ...rng.bytes(rng.size(64))])],
  [
    "duplicate-item",
    (rng, b) => {
      const { items, tail } = readItems(b);
      if (items.length === 0) return b;
      const i = rng.int(0, items.length - 1);
      items.splice(rng.int(0, items.length), 0, items[i] as Item);
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "drop-item",
    (rng, b) => {
      const { items, tail } = readItems(b);
      if (items.length === 0) return b;
      items.splice(rng.int(0, items.length - 1), 1);
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "length-lie",
    (rng, b) => {
      const { items, tail } = readItems(b);
      const it = items.length === 0 ? undefined : items[rng.int(0, items.length - 1)];
      if (it === undefined) return b;
      it.len = rng.pick([
        0,
        1,
        it.value.length + 1,
        Math.max(0, it.value.length - 1),
        127,
        128,
        65_537,
        2 ** 31,
        2 ** 50,
      ]);
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "non-minimal-varint",
    (rng, b) => {
      const { items, tail } = readItems(b);
      const it = items.length === 0 ? undefined : items[rng.int(0, items.length - 1)];
      if (it === undefined) return b;
      if (rng.chance(0.5)) it.lenPad = rng.int(2, 10);
      else {
        const v = varintValue(it.value);
        if (v === undefined) it.lenPad = rng.int(2, 10);
        else it.value = Uint8Array.from(varint(v, rng.int(2, 10)));
      }
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "value-change",
    (rng, b) => {
      const { items, tail } = readItems(b);
      const it = items.length === 0 ? undefined : items[rng.int(0, items.length - 1)];
      if (it === undefined) return b;
      it.value = rng.chance(0.7)
        ? num(
            rng.pick<number | bigint>([
              0,
              1,
              2,
              5,
              7,
              999,
              1000,
              1001,
              1013,
              2 ** 31 - 1,
              2 ** 31,
              2 ** 53 - 1,
              2n ** 53n,
              2n ** 64n - 1n,
            ]),
          )
        : rng.bytes(rng.size(40));
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "type-change",
    (rng, b) => {
      const { items, tail } = readItems(b);
      const it = items.find((x) => x.tag === 1);
      if (it === undefined) return b;
      it.value = num(rng.int(0, 9));
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "shuffle",
    (rng, b) => {
      const { items, tail } = readItems(b);
      for (let i = items.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [items[i], items[j]] = [items[j] as Item, items[i] as Item];
      }
      return Uint8Array.from([...writeItems(items), ...tail]);
    },
  ],
  [
    "unknown-items",
    (rng, b) => {
      const extra: Item[] = [];
      for (let n = rng.pick([1, 2, 31, 40]); n > 0; n--) {
        extra.push({ tag: rng.pick([10, 11, 30, 127, 128, 300, 2 ** 21]), value: rng.bytes(rng.size(8)) });
      }
      return Uint8Array.from([...b, ...writeItems(extra)]);
    },
  ],
  ["concat", (rng, b) => Uint8Array.from([...b, ...rng.pick([...VALID_VECTORS, ...INVALID_VECTORS])])],
];

/** A golden vector (valid or invalid) with 1..3 mutations; the description names them. */
export function mutatedVector(rng: Rng): { bytes: Uint8Array; desc: string } {
  const fromValid = rng.chance(0.65);
  const list = fromValid ? VALID_VECTORS : INVALID_VECTORS;
  const index = rng.int(0, list.length - 1);
  let b = list[index] as Uint8Array;
  const names: string[] = [];
  for (let n = rng.int(0, 3); n > 0; n--) {
    const [name, m] = rng.pick(MUTATORS);
    b = m(rng, b);
    names.push(name);
  }
  return { bytes: b, desc: `${fromValid ? "valid" : "invalid"}[${index}] ${names.join("+") || "as is"}` };
}
