/**
 * A seeded pseudo-random number generator: a function returning floats uniformly in [0, 1).
 * Core never calls `Math.random`: every random choice goes through one of these, so the same
 * seed and the same answers always give the same test.
 */
export type Random = () => number;

/**
 * Creates the default seeded generator (sfc32, a small fast counter-based generator that passes
 * PractRand; state seeded from the 32-bit seed through splitmix32).
 *
 * @param seed - any integer; the same seed gives the same sequence on every platform.
 */
export function createRandom(seed: number): Random {
  const state = randomState(seed);
  return () => nextRandom(state);
}

/** The serialisable state of the default generator: four unsigned 32-bit integers. */
export type RandomState = [number, number, number, number];

/** The initial state of the default generator for a seed (see {@link createRandom}). */
export function randomState(seed: number): RandomState {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  const state: RandomState = [next(), next(), next(), next()];
  for (let i = 0; i < 12; i++) nextRandom(state);
  return state;
}

/** Advances a generator state in place and returns the next float in [0, 1) (sfc32). */
export function nextRandom(state: RandomState): number {
  let [a, b, c, d] = state;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  state[0] = a >>> 0;
  state[1] = b >>> 0;
  state[2] = c;
  state[3] = d;
  return t / 4294967296;
}
