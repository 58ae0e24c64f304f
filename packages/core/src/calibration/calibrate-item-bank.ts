import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import { indexFramework } from '../framework/framework-index.js';
import type { Framework } from '../framework/framework.schema.js';
import type { Irt, ItemBank, ScoredItem } from '../framework/item-bank.schema.js';
import type { CalibrationReport, DimensionCalibration, ItemCalibration } from './calibration-report.js';
import { DEFAULT_PRIOR_B_SD, DEFAULT_PRIOR_LOG_A, DEFAULT_TOLERANCE, estimateItemParameters, type CalibrationModel, type ItemEstimates } from './estimate-items.js';
import { itemFlags, resolveThresholds, type FlagThresholds } from './item-flags.js';
import { resolveDif } from './dif-groups.js';
import { difStrata, itemFit } from './item-fit.js';
import { identityLink, linkingConstants, type LinkingConstants, type LinkingMethod } from './linking.js';
import { mantelHaenszel } from './mantel-haenszel.js';
import { DEFAULT_QUADRATURE_POINTS, DEFAULT_QUADRATURE_RANGE, normalQuadrature } from './quadrature.js';
import { dimensionData, type ResponseData } from './response-data.js';
import { summarize } from './summarize.js';

/** Options of {@link calibrateItemBank}. */
export interface CalibrateItemBankOptions extends FlagThresholds {
  /** The bank the answers were collected with (already parsed): the starting values, the priors and the previous scale. */
  bank: ItemBank;
  /** Date written into `calibration.date` of the calibrated items (e.g. `"2027-03-15"`; core never reads the clock). */
  date: string;
  /** The bank's framework: each domain is calibrated on its own scale, as the engine has one ability per domain. Without it, one scale for the whole bank. */
  framework?: Framework;
  /** `'2pl'` (default) or `'rasch'` (one common discrimination per scale). */
  model?: CalibrationModel;
  /** Rasch only: fix the common discrimination at this value (on the calibration scale) instead of estimating it. */
  raschA?: number;
  /** Ids of the anchor items that keep the previous scale. Defaults to every item whose status is `reviewed` or `calibrated` (not `draft`, i.e. not new). */
  anchors?: readonly string[];
  /** How the new parameters are put on the previous scale. Defaults to `'stocking-lord'`. */
  linking?: LinkingMethod;
  /** Prior SD of b around the item's previous b (`null`: no prior). Defaults to 2. */
  priorBSd?: number | null;
  /** Prior of log a (`null`: none). Defaults to N(log 1.2, 0.5²). */
  priorLogA?: { mean: number; sd: number } | null;
  /** Quadrature nodes of the N(0, 1) population. Defaults to 49. */
  quadraturePoints?: number;
  /** Half-width of the quadrature grid. Defaults to 6. */
  quadratureRange?: number;
  /** EM tolerance on log a and b. Defaults to 1e-4. */
  tolerance?: number;
  /** Largest number of EM steps per round. Defaults to 2000. */
  maxIterations?: number;
  /** `'squarem'` (default) or `'none'`. */
  acceleration?: 'squarem' | 'none';
  /**
   * The groups compared for differential item functioning. Defaults to the two group labels of
   * the answers when there are exactly two (the larger one as reference); `false` turns DIF off.
   */
  dif?: { reference: string; focal: string } | false;
  /** Called after every EM step (e.g. to draw a progress bar). */
  onProgress?: (progress: CalibrationProgress) => void;
}

/** Progress of {@link calibrateItemBank}. */
export interface CalibrationProgress {
  /** The scale being calibrated, its position and the number of scales. */
  dimension: string;
  index: number;
  dimensions: number;
  /** Estimation round on this scale (1, then 2 … when linking moved the priors). */
  round: number;
  /** EM steps done in this round, and the last largest change against the tolerance. */
  iteration: number;
  maxChange: number;
  tolerance: number;
}

/** What {@link calibrateItemBank} returns: the calibrated bank and the report. */
export interface CalibrationResult {
  /** The input bank with new `irt` and `calibration` for every item that was answered (status left as is). */
  bank: ItemBank;
  report: CalibrationReport;
}

const DATE_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/; // the pattern of DateSchema
const MAX_ROUNDS = 4;
const ROUND_TOLERANCE = 1e-3;

/**
 * Calibrates an item bank from collected answers: marginal maximum likelihood (Bock–Aitkin EM,
 * see {@link estimateItemParameters}) of the Rasch model or the 2PL on each domain's scale,
 * standard errors, item fit, flags, Mantel–Haenszel DIF between two groups, and linking to the
 * previous bank's scale through anchor items so that abilities before and after recalibration
 * stay comparable. Items nobody answered keep their parameters. Runs anywhere (no Node API):
 * a worker can calibrate while a page shows the progress.
 *
 * The guessing parameter c of single-choice items and the upper asymptote d are kept at their
 * previous values (too few answers at the extremes to estimate them). The priors are expressed on
 * the previous scale and moved onto the calibration scale once the linking constants are known
 * (EM is then run again from its last estimates until the constants settle).
 *
 * @throws {@link JaugeValidationError} for invalid options (paths such as `date`, `anchors[2]`,
 *   `dif.focal`) or answers collected for another bank.
 *
 * @example
 * ```ts
 * import { calibrateItemBank, parseAnswers, renderCalibrationReport } from '@jauge/core/calibration';
 * import { framework, items } from '@jauge/core/reference';
 * declare const text: string; // answers.jsonl
 * const answers = parseAnswers(text, items);
 * const { bank, report } = calibrateItemBank(answers, { bank: items, framework, date: '2027-03-15' });
 * console.log(renderCalibrationReport(report));
 * ```
 */
export function calibrateItemBank(answers: ResponseData, options: CalibrateItemBankOptions): CalibrationResult {
  const { bank, framework } = options;
  const model = options.model ?? '2pl';
  const linking = options.linking ?? 'stocking-lord';
  const priorBSd = options.priorBSd === undefined ? DEFAULT_PRIOR_B_SD : options.priorBSd;
  const priorLogA = options.priorLogA === undefined ? { ...DEFAULT_PRIOR_LOG_A } : options.priorLogA;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const points = options.quadraturePoints ?? DEFAULT_QUADRATURE_POINTS;
  const range = options.quadratureRange ?? DEFAULT_QUADRATURE_RANGE;
  const issues: ValidationIssue[] = [];
  const report = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  if (typeof bank !== 'object' || bank === null || !Array.isArray(bank.items)) report('bank', 'expected a parsed item bank');
  if (typeof options.date !== 'string' || !DATE_PATTERN.test(options.date)) report('date', `expected a date such as "2027-03-15", found ${JSON.stringify(options.date)}`);
  if (model !== 'rasch' && model !== '2pl') report('model', `expected "rasch" or "2pl", found ${JSON.stringify(model)}`);
  if (linking !== 'stocking-lord' && linking !== 'mean-sigma' && linking !== 'none') report('linking', `expected "stocking-lord", "mean-sigma" or "none", found ${JSON.stringify(linking)}`);
  if (priorBSd !== null && !(priorBSd > 0)) report('priorBSd', `expected a number > 0 or null, found ${String(priorBSd)}`);
  if (priorLogA !== null && !(priorLogA.sd > 0 && Number.isFinite(priorLogA.mean))) report('priorLogA', 'expected { mean, sd > 0 } or null');
  if (options.raschA !== undefined && !(options.raschA > 0)) report('raschA', `expected a number > 0, found ${String(options.raschA)}`);
  if (!(tolerance > 0)) report('tolerance', `expected a number > 0, found ${String(tolerance)}`);
  if (!Number.isInteger(points) || points < 5 || points > 1001) report('quadraturePoints', `expected an integer in [5, 1001], found ${String(points)}`);
  if (!(range > 0 && Number.isFinite(range))) report('quadratureRange', `expected a number > 0, found ${String(range)}`);
  const thresholds = resolveThresholds(options, report);
  if (issues.length > 0) throw new JaugeValidationError('calibration options', issues);

  const scored = bank.items.filter((item): item is ScoredItem => item.type !== 'self-rating');
  const byId = new Map(scored.map((item) => [item.id, item]));
  answers.itemIds.forEach((id, i) => {
    if (!byId.has(id)) report(`answers.itemIds[${i}]`, `expected a scored item of bank "${bank.id}", found "${id}" (answers collected for another bank?)`);
  });
  const anchorIds = new Set(options.anchors ?? scored.filter((item) => item.status === 'reviewed' || item.status === 'calibrated').map((item) => item.id));
  options.anchors?.forEach((id, i) => {
    if (!byId.has(id)) report(`anchors[${i}]`, `expected the id of a scored item of bank "${bank.id}", found "${id}"`);
  });
  const dif = resolveDif(answers, options.dif, report);
  const dimensionOf = new Map<string, string>();
  if (framework && bank.items.length > 0) {
    const index = indexFramework(framework);
    scored.forEach((item) => {
      const place = index.skills.get(item.skill);
      if (!place) report(`bank.items[${bank.items.indexOf(item)}].skill`, `expected a skill of framework "${framework.id}", found "${item.skill}"`);
      else dimensionOf.set(item.id, place.domain.id);
    });
  }
  if (issues.length > 0) throw new JaugeValidationError('calibration options', issues);

  const counts = new Float64Array(answers.itemIds.length);
  for (let k = 0; k < answers.item.length; k++) counts[answers.item[k]!]! += 1;
  const dimensionIds = framework ? [...new Set(scored.map((item) => dimensionOf.get(item.id)!))] : ['all'];
  const quadrature = normalQuadrature(points, range);
  const itemResults = new Map<string, ItemCalibration>();
  const dimensions: DimensionCalibration[] = [];
  const method = model === 'rasch' ? 'rasch-mml' : '2pl-mml';

  dimensionIds.forEach((dimension, dimensionIndex) => {
    const members: number[] = [];
    answers.itemIds.forEach((id, i) => {
      if (counts[i]! > 0 && (framework ? dimensionOf.get(id) === dimension : true)) members.push(i);
    });
    if (members.length === 0) return;
    const data = dimensionData(answers, members);
    const items = members.map((i) => byId.get(answers.itemIds[i]!)!);
    const isAnchor = items.map((item, k) => anchorIds.has(item.id) && counts[members[k]!]! >= thresholds.minResponses);
    let link: LinkingConstants = identityLink(linking, 0);
    let estimates: ItemEstimates | undefined;
    let rounds = 0;
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      rounds = round;
      // Priors and starting values on the calibration scale: θ_new = (θ_old − B) / A.
      const start = items.map((item, k) => ({
        ...item.irt,
        a: estimates ? estimates.a[k]! : item.irt.a * link.A,
        b: estimates ? estimates.b[k]! : (item.irt.b - link.B) / link.A,
      }));
      estimates = estimateItemParameters(data, {
        model,
        start,
        priorB: priorBSd === null ? null : { mean: items.map((item) => (item.irt.b - link.B) / link.A), sd: priorBSd / link.A },
        priorLogA: priorLogA === null ? null : { mean: priorLogA.mean + Math.log(link.A), sd: priorLogA.sd },
        ...(options.raschA !== undefined ? { raschA: options.raschA } : {}),
        quadrature,
        tolerance,
        ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
        ...(options.acceleration !== undefined ? { acceleration: options.acceleration } : {}),
        onIteration: ({ iteration, maxChange }) =>
          options.onProgress?.({ dimension, index: dimensionIndex, dimensions: dimensionIds.length, round, iteration, maxChange, tolerance }),
      });
      const fitted = estimates;
      const anchors = items.flatMap((item, k) => (isAnchor[k] ? [{ previous: item.irt, estimate: { ...item.irt, a: fitted.a[k]!, b: fitted.b[k]! } }] : []));
      const next = linkingConstants(anchors, linking, quadrature);
      const settled = Math.abs(next.A - link.A) < ROUND_TOLERANCE && Math.abs(next.B - link.B) < ROUND_TOLERANCE;
      link = next;
      if (settled || linking === 'none' || anchors.length === 0) break;
    }
    const fitted = estimates!;
    const { fit, groups } = itemFit(data, quadrature, fitted, answers.groups.length);
    const difResults =
      'reference' in dif
        ? difStrata(data, quadrature, fitted, answers.groups.indexOf(dif.reference), answers.groups.indexOf(dif.focal), [
            groups[answers.groups.indexOf(dif.reference)]!,
            groups[answers.groups.indexOf(dif.focal)]!,
          ]).map((strata) => mantelHaenszel(strata))
        : undefined;
    items.forEach((item, k) => {
      const a = fitted.a[k]! / link.A;
      const b = link.A * fitted.b[k]! + link.B;
      const seA = Number.isNaN(fitted.seA[k]!) ? null : fitted.seA[k]! / link.A;
      const seB = link.A * fitted.seB[k]!;
      const calibrated: Irt = { ...item.irt, a: round4(clamp(a, 0.0001, 10)), b: round4(clamp(b, -10, 10)) };
      const result: ItemCalibration = {
        id: item.id,
        dimension,
        anchor: isAnchor[k]!,
        responses: counts[members[k]!]!,
        proportionCorrect: fit[k]!.proportionCorrect,
        previous: item.irt,
        estimate: { a: fitted.a[k]!, b: fitted.b[k]! },
        calibrated,
        se: { a: seA, b: seB },
        fit: fit[k]!,
        dif: difResults?.[k] ?? null,
        flags: [],
      };
      result.flags = itemFlags(result, model, thresholds);
      itemResults.set(item.id, result);
    });
    dimensions.push({
      id: dimension,
      agents: data.weight.reduce((sum, n) => sum + n, 0),
      patterns: data.patterns,
      items: members.length,
      convergence: fitted.convergence,
      rounds,
      linking: link,
      population: { mean: link.B, sd: link.A },
      ...(model === 'rasch' ? { commonA: { a: fitted.a[0]! / link.A, se: Number.isNaN(fitted.seA[0]!) ? null : fitted.seA[0]! / link.A } } : {}),
      groups: answers.groups.flatMap((group, g) => (groups[g]!.n > 0 ? [{ group, n: groups[g]!.n, mean: link.A * groups[g]!.mean + link.B, sd: link.A * groups[g]!.sd }] : [])),
    });
  });

  const reportItems: ItemCalibration[] = scored.map((item) => {
    const known = itemResults.get(item.id);
    if (known) return known;
    return {
      id: item.id,
      dimension: framework ? dimensionOf.get(item.id)! : 'all',
      anchor: false,
      responses: 0,
      proportionCorrect: null,
      previous: item.irt,
      estimate: null,
      calibrated: item.irt,
      se: null,
      fit: null,
      dif: null,
      flags: ['no-responses'],
    };
  });
  const calibratedBank: ItemBank = JSON.parse(JSON.stringify(bank)) as ItemBank;
  for (const item of calibratedBank.items) {
    const result = itemResults.get(item.id);
    if (!result || item.type === 'self-rating') continue;
    const dimension = dimensions.find((d) => d.id === result.dimension)!;
    item.irt = result.calibrated;
    item.calibration = { method, date: options.date, sampleSize: result.responses, notes: calibrationNote(result, dimension, model) };
  }
  const calibrationReport: CalibrationReport = {
    model,
    method,
    date: options.date,
    bank: { id: bank.id, version: bank.version },
    answers: { agents: answers.agents, responses: answers.item.length, rejectedRecords: answers.rejectedRecords, rejected: [...answers.rejected] },
    settings: {
      quadrature: { points, range },
      priorB: priorBSd === null ? null : { sd: priorBSd },
      priorLogA,
      raschA: options.raschA ?? null,
      tolerance,
      linking,
      ...thresholds,
    },
    dif,
    dimensions,
    items: reportItems,
    summary: summarize(reportItems),
  };
  return { bank: calibratedBank, report: calibrationReport };
}

function calibrationNote(result: ItemCalibration, dimension: DimensionCalibration, model: CalibrationModel): string {
  const se = result.se;
  const parts = [
    `MML (Bock–Aitkin), ${model === 'rasch' ? 'Rasch' : '2PL'}, ${result.responses} answers`,
    se ? `SE(a) ${se.a === null ? 'fixed' : se.a.toFixed(3)}, SE(b) ${se.b.toFixed(3)}` : '',
    dimension.linking.anchors > 0 && dimension.linking.method !== 'none'
      ? `linked by ${dimension.linking.method} on ${dimension.linking.anchors} anchors (A ${dimension.linking.A.toFixed(4)}, B ${dimension.linking.B.toFixed(4)})`
      : 'not linked (population N(0, 1) scale)',
    (result.calibrated.c ?? 0) > 0 || result.calibrated.d !== undefined ? 'c and d kept fixed' : '',
    result.flags.length > 0 ? `flags: ${result.flags.join(', ')}` : '',
  ];
  return parts.filter((part) => part !== '').join('; ');
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}
