/** A small seeded PRNG (sfc32) with the helpers the demo generators need; same seed → same data. */
export type Rng = {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(table: readonly (readonly [T, number])[]): T;
  shuffle<T>(items: T[]): T[];
  uuid(): string;
};

export function createRng(seed: number): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const word = () =>
    Math.floor(next() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(table) {
      const total = table.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, w] of table) if ((r -= w) < 0) return value;
      return table[table.length - 1]![0];
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
    uuid() {
      const h = word() + word() + word() + word();
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[(next() * 4) | 0]}${h.slice(17, 20)}-${h.slice(20)}`;
    },
  };
}
