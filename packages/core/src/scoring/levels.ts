import type { Band, Framework } from '../framework/framework.schema.js';

const BANDS: Band[] = ['fondamental', 'intermediaire', 'avance', 'hautement-specialise'];

/** The level (1–8) of an ability θ, through the framework's cut points (data, not code). */
export function levelOf(theta: number, cutPoints: readonly number[]): number {
  let level = 1;
  for (const cut of cutPoints) if (theta >= cut) level++;
  return Math.min(8, level);
}

/** The DigComp band of a level: 1–2 fondamental, 3–4 intermédiaire, 5–6 avancé, 7–8 hautement spécialisé. */
export function bandOf(level: number): Band {
  return BANDS[Math.min(3, Math.max(0, Math.floor((level - 1) / 2)))]!;
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** A level with its uncertainty, as reported for the overall result, a domain or a competence. */
export interface LevelEstimate {
  /** Ability on the θ scale (posterior mean). */
  theta: number;
  /** Standard error of θ (posterior standard deviation). */
  se: number;
  /** Level 1–8 of θ. */
  level: number;
  /** DigComp band of the level. */
  band: Band;
  /** Levels at θ − se and θ + se: "niveau 4 (entre 3 et 5)". */
  levelRange: [number, number];
  /** Uncertainty in levels (se divided by the typical width of a level): "niveau 4 ± 1". */
  levelSe: number;
  /** Probability, under the estimate, that the true level is at least the reported one. */
  confidence: number;
}

/** Turns θ and its SE into a reported level with its uncertainty. */
export function levelEstimate(theta: number, se: number, framework: Pick<Framework, 'cutPoints'>): LevelEstimate {
  const cuts = framework.cutPoints;
  const level = levelOf(theta, cuts);
  const lower = level >= 2 ? cuts[level - 2]! : Number.NEGATIVE_INFINITY;
  const width = ((cuts[cuts.length - 1] ?? 1) - (cuts[0] ?? 0)) / Math.max(1, cuts.length - 1);
  const confidence = se > 0 ? normalCdf((theta - lower) / se) : 1;
  return {
    theta,
    se,
    level,
    band: bandOf(level),
    levelRange: [levelOf(theta - se, cuts), levelOf(theta + se, cuts)],
    levelSe: se / width,
    confidence: Number.isFinite(lower) ? confidence : 1,
  };
}
