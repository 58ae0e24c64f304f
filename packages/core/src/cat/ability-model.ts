import { createPosteriorGrid } from '../irt/posterior-grid.js';
import { logProbability } from '../irt/probability.js';
import type { ItemParams } from '../irt/item-params.js';

/** An estimate on the θ scale: posterior mean and posterior standard deviation. */
export interface ThetaEstimate {
  theta: number;
  se: number;
}

/**
 * The per-domain ability model: a correlated (hierarchical) normal prior across domains,
 *
 *   θ_d = √ρ · g + √(1 − ρ) · e_d,   g, e_d ~ N(0, 1) independent,
 *
 * so that each θ_d is N(0, 1) and any two domains correlate at ρ. Given the general factor g the
 * domains are independent, which makes the exact posterior cheap on two grids: a θ grid holding
 * each domain's log-likelihood (updated in one pass per answer) and a g grid over which the
 * domains are mixed. A domain with few answers is pulled toward what the other domains say about
 * g — shrinkage that is exact for this model, not an ad-hoc blend (see
 * docs/decisions/0002-per-domain-abilities.md). With ρ = 0 the domains are independent EAPs; with
 * one domain the model is the usual EAP with a N(0, 1) prior.
 */
export class AbilityModel {
  /** θ nodes shared by every domain. */
  readonly theta: Float64Array;
  /** Log-likelihood of each domain's answers at each θ node, domain-major. */
  private readonly logLik: Float64Array[];
  /** g nodes and their log prior. */
  private readonly g: Float64Array;
  private readonly logPriorG: Float64Array;
  /** kernel[j * K + k] = N(θ_k; √ρ g_j, 1 − ρ) × trapezoid weight (row j for g_j). */
  private readonly kernel: Float64Array;
  /** log ∫ N(θ; √ρ g_j, 1 − ρ) L_d(θ) dθ for each domain d and g node j (cached per domain). */
  private readonly logZ: Float64Array[];
  /** Mean and variance of θ_d given g_j and domain d's answers (cached per domain with logZ). */
  private readonly condMean: Float64Array[];
  private readonly condVar: Float64Array[];
  private readonly dirty: boolean[];
  /** Posterior weights of the g nodes, until the next answer (read-only for callers). */
  private weights: Float64Array | null = null;
  private readonly scratch: Float64Array;

  constructor(
    readonly domainCount: number,
    readonly rho: number,
  ) {
    if (!(rho >= 0 && rho < 1)) throw new RangeError(`Expected a domain correlation in [0, 1), received ${rho}`);
    this.theta = createPosteriorGrid({ mean: 0, sd: 1 }, { span: 7, points: 141 }).theta;
    const K = this.theta.length;
    this.logLik = Array.from({ length: domainCount }, () => new Float64Array(K));
    // With one domain the model is the plain EAP with a N(0, 1) prior whatever ρ: no g grid needed.
    const J = rho === 0 || domainCount === 1 ? 1 : 61;
    this.g = new Float64Array(J);
    this.logPriorG = new Float64Array(J);
    for (let j = 0; j < J; j++) {
      const gj = J === 1 ? 0 : -6 + (12 * j) / (J - 1);
      this.g[j] = gj;
      this.logPriorG[j] = -0.5 * gj * gj;
    }
    this.kernel = kernelFor(J === 1 ? 0 : rho, this.theta, this.g);
    this.logZ = Array.from({ length: domainCount }, () => new Float64Array(J));
    this.condMean = Array.from({ length: domainCount }, () => new Float64Array(J));
    this.condVar = Array.from({ length: domainCount }, () => new Float64Array(J));
    this.dirty = new Array<boolean>(domainCount).fill(true);
    this.scratch = new Float64Array(K);
  }

  /** Adds one answer of domain `d` (one pass over the θ grid). */
  update(d: number, item: ItemParams, correct: boolean): void {
    const ll = this.logLik[d]!;
    const theta = this.theta;
    for (let k = 0; k < theta.length; k++) ll[k]! += logProbability(theta[k]!, item, correct);
    this.dirty[d] = true;
    this.weights = null;
  }

  /**
   * Recomputes, for the domains whose answers changed only, log Z_d(g) and the moments of θ_d
   * given each g node: one pass over the grids per changed domain, so that a step costs one
   * domain's work whatever the number of domains (the others only re-mix over g).
   */
  private refresh(): void {
    const K = this.theta.length;
    const J = this.g.length;
    for (let d = 0; d < this.domainCount; d++) {
      if (!this.dirty[d]) continue;
      const ll = this.logLik[d]!;
      let top = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) if (ll[k]! > top) top = ll[k]!;
      const lik = this.scratch;
      for (let k = 0; k < K; k++) lik[k] = Math.exp(ll[k]! - top);
      const logZ = this.logZ[d]!;
      const condMean = this.condMean[d]!;
      const condVar = this.condVar[d]!;
      for (let j = 0; j < J; j++) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        const row = j * K;
        for (let k = 0; k < K; k++) {
          const v = this.kernel[row + k]! * lik[k]!;
          const t = this.theta[k]!;
          s0 += v;
          s1 += v * t;
          s2 += v * t * t;
        }
        logZ[j] = Math.log(s0) + top;
        const m = s1 / s0;
        condMean[j] = m;
        condVar[j] = Math.max(0, s2 / s0 - m * m);
      }
      this.dirty[d] = false;
    }
  }

  /** Posterior weights of the g nodes (normalised; computed once per answer). */
  private gWeights(): Float64Array {
    if (this.weights) return this.weights;
    this.refresh();
    const J = this.g.length;
    const w = new Float64Array(J);
    let top = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < J; j++) {
      let value = this.logPriorG[j]!;
      for (let d = 0; d < this.domainCount; d++) value += this.logZ[d]![j]!;
      w[j] = value;
      if (value > top) top = value;
    }
    let total = 0;
    for (let j = 0; j < J; j++) {
      w[j] = Math.exp(w[j]! - top);
      total += w[j]!;
    }
    for (let j = 0; j < J; j++) w[j]! /= total;
    this.weights = w;
    return w;
  }

  /**
   * Posterior mean and SD of θ_d, and (for the overall estimate) the posterior mean of θ_d given
   * each g node. Exact on the grids: p(θ_d | data) = Σ_j p(g_j | data) p(θ_d | g_j, data_d).
   */
  private domainMoments(d: number, w: Float64Array): { mean: number; variance: number; condMean: Float64Array; condVar: Float64Array } {
    const J = this.g.length;
    const cachedMean = this.condMean[d]!;
    const cachedVar = this.condVar[d]!;
    const condMean = new Float64Array(J);
    const condVar = new Float64Array(J);
    let mean = 0;
    let second = 0;
    for (let j = 0; j < J; j++) {
      if (w[j]! < 1e-12) continue; // negligible g nodes (their moments may not even be finite)
      const m = cachedMean[j]!;
      condMean[j] = m;
      condVar[j] = cachedVar[j]!;
      mean += w[j]! * m;
      second += w[j]! * (condVar[j]! + m * m);
    }
    return { mean, variance: Math.max(0, second - mean * mean), condMean, condVar };
  }

  /** EAP estimate (posterior mean and SD) of domain `d`. */
  domain(d: number): ThetaEstimate {
    const m = this.domainMoments(d, this.gWeights());
    return { theta: m.mean, se: Math.sqrt(m.variance) };
  }

  /**
   * Every domain's estimate, and the overall one: the posterior of the mean ability over the
   * domains listed (by law of total variance over g, since domains are independent given g).
   */
  estimates(domains: readonly number[]): { domains: ThetaEstimate[]; overall: ThetaEstimate } {
    const w = this.gWeights();
    const J = this.g.length;
    const n = domains.length;
    const meanGivenG = new Float64Array(J);
    const varGivenG = new Float64Array(J);
    const out: ThetaEstimate[] = [];
    for (const d of domains) {
      const m = this.domainMoments(d, w);
      out.push({ theta: m.mean, se: Math.sqrt(m.variance) });
      for (let j = 0; j < J; j++) {
        meanGivenG[j]! += m.condMean[j]! / n;
        varGivenG[j]! += m.condVar[j]! / (n * n);
      }
    }
    let mean = 0;
    let second = 0;
    for (let j = 0; j < J; j++) {
      mean += w[j]! * meanGivenG[j]!;
      second += w[j]! * (varGivenG[j]! + meanGivenG[j]! * meanGivenG[j]!);
    }
    return { domains: out, overall: { theta: mean, se: Math.sqrt(Math.max(0, second - mean * mean)) } };
  }

  /** The log-likelihood grid of a domain (read-only view, e.g. for per-competence estimates). */
  logLikelihood(d: number): Float64Array {
    return this.logLik[d]!;
  }
}

const kernels = new Map<number, Float64Array>();

/** The (immutable) kernel matrix for a correlation, computed once per process and shared. */
function kernelFor(rho: number, theta: Float64Array, g: Float64Array): Float64Array {
  const cached = kernels.get(rho);
  if (cached) return cached;
  const K = theta.length;
  const J = g.length;
  const sdCond = Math.sqrt(1 - rho);
  const loading = Math.sqrt(rho);
  const kernel = new Float64Array(J * K);
  for (let j = 0; j < J; j++) {
    for (let k = 0; k < K; k++) {
      const z = (theta[k]! - loading * g[j]!) / sdCond;
      const trapezoid = k === 0 || k === K - 1 ? 0.5 : 1;
      kernel[j * K + k] = trapezoid * Math.exp(-0.5 * z * z);
    }
  }
  if (kernels.size < 16) kernels.set(rho, kernel);
  return kernel;
}
