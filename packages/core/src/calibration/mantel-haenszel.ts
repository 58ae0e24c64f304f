import { normalCdf } from '../scoring/levels.js';

/** One stratum (ability band) of a Mantel–Haenszel analysis: correct and incorrect answers per group. */
export interface MantelHaenszelStratum {
  referenceCorrect: number;
  referenceIncorrect: number;
  focalCorrect: number;
  focalIncorrect: number;
}

/** The ETS classification of differential item functioning: negligible, moderate or large. */
export type DifClass = 'A' | 'B' | 'C';

/** Mantel–Haenszel differential item functioning of one item between a reference and a focal group. */
export interface MantelHaenszelResult {
  /** Answers of the reference and focal groups in the strata used. */
  reference: number;
  focal: number;
  /** Common odds ratio α_MH (> 1: the reference group succeeds more at equal ability). */
  oddsRatio: number;
  /** Standard error of log α_MH (Robins, Breslow & Greenland 1986). */
  logOddsRatioSe: number;
  /** ETS delta, Δ_MH = −2.35 log α_MH (negative: the item is harder for the focal group). */
  delta: number;
  /** Standard error of Δ_MH. */
  deltaSe: number;
  /** Mantel–Haenszel χ² with continuity correction (1 degree of freedom). */
  chiSquare: number;
  /** p-value of the χ². */
  pValue: number;
  /** ETS class: A negligible, B moderate, C large. */
  etsClass: DifClass;
  /** Which group the item favours at equal ability (`'none'` for class A). */
  favours: 'reference' | 'focal' | 'none';
}

/**
 * The Mantel–Haenszel statistics of one item (Holland & Thayer 1988) from its strata:
 *
 *   α_MH = Σ (A_k D_k / N_k) / Σ (B_k C_k / N_k),  Δ_MH = −2.35 ln α_MH,
 *   χ²_MH = (|Σ A_k − Σ E(A_k)| − ½)² / Σ Var(A_k),
 *   E(A_k) = n_Rk m_1k / N_k,  Var(A_k) = n_Rk n_Fk m_1k m_0k / (N_k² (N_k − 1)),
 *
 * with A, B the reference group's correct and incorrect answers, C, D the focal group's. The
 * ETS classification (Zieky 1993): **C** if |Δ| ≥ 1.5 and |Δ| is significantly above 1
 * ((|Δ| − 1) / SE(Δ) > 1.645), **A** if |Δ| < 1 or the χ² is not significant at 5 %, **B**
 * otherwise. Strata with fewer than two answers, or without both groups, carry no information and
 * are skipped.
 *
 * @example
 * ```ts
 * import { mantelHaenszel } from '@jauge/core/calibration';
 * mantelHaenszel([
 *   { referenceCorrect: 10, referenceIncorrect: 10, focalCorrect: 5, focalIncorrect: 15 },
 *   { referenceCorrect: 20, referenceIncorrect: 5, focalCorrect: 15, focalIncorrect: 10 },
 * ]).oddsRatio; // 7.75 / 2.75 = 2.818…
 * ```
 */
export function mantelHaenszel(strata: readonly MantelHaenszelStratum[]): MantelHaenszelResult {
  let reference = 0;
  let focal = 0;
  let sumR = 0;
  let sumS = 0;
  let sumPR = 0;
  let sumPSQR = 0;
  let sumQS = 0;
  let sumA = 0;
  let sumExpected = 0;
  let sumVariance = 0;
  for (const { referenceCorrect: A, referenceIncorrect: B, focalCorrect: C, focalIncorrect: D } of strata) {
    const nR = A + B;
    const nF = C + D;
    const N = nR + nF;
    if (nR <= 0 || nF <= 0 || N < 2) continue;
    reference += nR;
    focal += nF;
    const m1 = A + C;
    const m0 = B + D;
    const R = (A * D) / N;
    const S = (B * C) / N;
    const P = (A + D) / N;
    const Qk = (B + C) / N;
    sumR += R;
    sumS += S;
    sumPR += P * R;
    sumPSQR += P * S + Qk * R;
    sumQS += Qk * S;
    sumA += A;
    sumExpected += (nR * m1) / N;
    sumVariance += (nR * nF * m1 * m0) / (N * N * (N - 1));
  }
  const oddsRatio = sumR / sumS;
  const logVariance = sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS * sumS);
  const logOddsRatioSe = Math.sqrt(logVariance);
  const delta = -2.35 * Math.log(oddsRatio);
  const deltaSe = 2.35 * logOddsRatioSe;
  const chiSquare = sumVariance > 0 ? Math.max(0, Math.abs(sumA - sumExpected) - 0.5) ** 2 / sumVariance : 0;
  const pValue = sumVariance > 0 ? 2 * (1 - normalCdf(Math.sqrt(chiSquare))) : 1;
  const size = Math.abs(delta);
  let etsClass: DifClass = 'A';
  if (Number.isNaN(delta) || size < 1 || !(pValue < 0.05)) etsClass = 'A';
  else if (size >= 1.5 && (!Number.isFinite(size) || (size - 1) / deltaSe > 1.645)) etsClass = 'C';
  else etsClass = 'B';
  const favours = etsClass === 'A' ? 'none' : delta < 0 ? 'reference' : 'focal';
  return { reference, focal, oddsRatio, logOddsRatioSe, delta, deltaSe, chiSquare, pValue, etsClass, favours };
}
