/**
 * A seeded generator (mulberry32) for generated-case tests, so a failure names a case that can be run again: the same
 * seed gives the same cases on every run. `int(lo, hi)` inclusive, `pick(xs)`, `decimal(whole, places)` as a string.
 */
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const decimal = (whole: number, places: number) =>
    places === 0 ? String(int(0, whole)) : `${int(0, whole)}.${String(int(0, 10 ** places - 1)).padStart(places, '0')}`;
  return { int, pick, decimal };
}
