/**
 * A small seeded generator of numbers in [0, 1): mulberry32, a public-domain 32-bit generator
 * (Tommy Ettinger). Not for anything secret; it only has to make a fault that fires on "30% of
 * requests" fire on the same requests in every run with the same seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
