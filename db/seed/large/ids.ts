import { hashSeed, mulberry32, type Random } from "../random";

/**
 * Deterministic ids and random series. An id is a version-4-shaped UUID whose first 32 bits are a
 * bijection of its counter, so ids of one kind never collide, and the same organisation gets the
 * same ids on every run (stable URLs for benchmarks).
 */

/** murmur3's finaliser: a bijection on 32-bit integers that spreads every input bit. */
export function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export type IdKind = "organisation" | "user" | "team" | "cycle" | "objective" | "key_result" | "check_in" | "activity";

const hex8 = (value: number) => value.toString(16).padStart(8, "0");

export type IdMaker = (counter: number) => string;

export function idMaker(namespace: string, kind: IdKind): IdMaker {
  const base = hashSeed(`${namespace}/${kind}`);
  const [k0, k1, k2, k3] = [1, 2, 3, 4].map((salt) => fmix32(base ^ Math.imul(salt, 0x9e3779b9))) as [number, number, number, number];
  return (counter) => {
    const a = hex8(fmix32(counter + k0));
    const b = hex8(fmix32(counter ^ k1));
    const c = fmix32(Math.imul(counter, 0x27d4eb2d) + k2);
    const d = hex8(fmix32(counter + Math.imul(k3, 3)));
    const cHex = hex8(c);
    const variant = (8 | ((c >>> 28) & 3)).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(4, 7)}-${variant}${cHex.slice(1, 4)}-${cHex.slice(4, 8)}${d}`;
  };
}

/** Independent random series of one family (one per key result, say), each deterministic by index. */
export function seriesFor(namespace: string, family: string): (index: number) => Random {
  const base = hashSeed(`${namespace}/${family}`);
  return (index) => mulberry32(fmix32(base + Math.imul(index, 0x9e3779b9)));
}
