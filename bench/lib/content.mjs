// Seeded synthetic frameworks and 2PL item banks for the benchmarks (same shape as
// packages/core/test/synthetic-bank.ts), validated by the engine's own parse functions.
import { createRandom, gaussian, parseFramework, parseItemBank, priorItemParameters } from '../../packages/core/dist/index.js';
import * as reference from '../../packages/core/dist/reference/index.js';

const BANDS = ['fondamental', 'intermediaire', 'avance', 'hautement-specialise'];
export const CUT_POINTS = [-1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 4.5];

/** Level (1–8) of a difficulty on the cut points above. */
export function levelOfB(b) {
  return 1 + CUT_POINTS.filter((cut) => b >= cut).length;
}

function frameworkShell(domains) {
  return {
    id: 'bench',
    version: '1.0.0',
    lang: 'fr',
    title: 'Référentiel synthétique (benchmarks)',
    levels: [1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({ level, band: BANDS[Math.floor((level - 1) / 2)], title: `Niveau ${level}` })),
    cutPoints: CUT_POINTS,
    selfRatingScale: [
      { id: 'non', label: 'Je ne sais pas faire', level: 1 },
      { id: 'un-peu', label: 'Je sais un peu faire', level: 2 },
      { id: 'oui', label: 'Je sais faire', level: 4 },
    ],
    domains,
  };
}

function domainNode(d, competences, topicsPerCompetence) {
  return {
    id: `d${d}`,
    title: `Domaine ${d}`,
    competences: Array.from({ length: competences }, (_, c) => ({
      id: `d${d}.c${c}`,
      title: `Compétence ${d}.${c}`,
      topics: Array.from({ length: topicsPerCompetence }, (_, t) => ({
        id: `d${d}.c${c}.t${t}`,
        title: `Sujet ${d}.${c}.${t}`,
        skills: [1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({ id: `d${d}.c${c}.t${t}.n${level}`, level, title: `Niveau ${level}` })),
      })),
    })),
  };
}

function scoredItem(id, skill, level, irt) {
  return {
    id,
    type: 'single-choice',
    skill,
    level,
    stem: `Question ${id} ?`,
    options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }],
    answer: 'a',
    explanation: 'Explication.',
    status: 'reviewed',
    irt,
  };
}

/**
 * One domain (4 competences × 5 topics × levels 1–8) and `n` single-choice 2PL items,
 * a ∈ U[0.8, 2], b ~ N(0, 1), topics assigned in turn, level from b. `params[i]` is item i's {a, b}.
 */
export function oneDomainBank(n, seed = 1) {
  const random = createRandom(seed);
  const framework = parseFramework(frameworkShell([domainNode(0, 4, 5)]));
  const items = [];
  const params = [];
  for (let i = 0; i < n; i++) {
    const a = 0.8 + 1.2 * random();
    const b = gaussian(random);
    const t = i % 20;
    const level = levelOfB(b);
    items.push(scoredItem(`q${i}`, `d0.c${Math.floor(t / 5)}.t${t % 5}.n${level}`, level, { a, b }));
    params.push({ a, b });
  }
  const bank = parseItemBank({ id: `bench-${n}`, version: '1.0.0', lang: 'fr', framework: { id: 'bench', version: '1.0.0' }, items }, framework);
  return { framework, items: bank, params };
}

/**
 * Six domains × 2 competences × 2 topics, `perDomain` 2PL items per domain spread over levels 1–6
 * (b = level − 3.5 ± 0.3, a ∈ U[0.8, 2]), with one self-rating item per domain: the synthetic stand-in
 * for the reference design when the shipped items have no IRT parameters.
 */
export function sixDomainBank(perDomain = 40, seed = 1) {
  const random = createRandom(seed);
  const framework = parseFramework(frameworkShell(Array.from({ length: 6 }, (_, d) => domainNode(d, 2, 2))));
  const items = [];
  for (let d = 0; d < 6; d++) {
    for (let k = 0; k < perDomain; k++) {
      const level = 1 + (k % 6);
      const c = Math.floor(k / 6) % 2;
      const t = Math.floor(k / 12) % 2;
      const irt = { a: 0.8 + 1.2 * random(), b: level - 3.5 + (random() - 0.5) * 0.6 };
      items.push(scoredItem(`d${d}-q${k}`, `d${d}.c${c}.t${t}.n${level}`, level, irt));
    }
    items.push({ id: `d${d}-auto`, type: 'self-rating', domain: `d${d}`, stem: 'Comment vous situez-vous ?', status: 'reviewed' });
  }
  const bank = parseItemBank({ id: 'bench-six-domains', version: '1.0.0', lang: 'fr', framework: { id: 'bench', version: '1.0.0' }, items }, framework);
  return { framework, items: bank };
}

/**
 * The six-domain content of the per-domain, exposure and cohort benchmarks:
 * - `reference`: the shipped reference content, when every scored item has IRT parameters and the
 *   bank parses;
 * - `synthetic`: otherwise, six domains × 40 synthetic items (see `sixDomainBank`);
 * - `reference-prior`: the shipped items with the IRT parameters of the documented expert-prior rule
 *   (`priorItemParameters`, from each item's level), whatever the shipped items carry.
 * `kind: 'auto'` picks `reference` if usable, else `synthetic`.
 */
export function cohortContent(kind = 'auto') {
  const scored = reference.items.items.filter((item) => item.type !== 'self-rating' && item.status !== 'retired');
  const missing = scored.filter((item) => !item.irt || typeof item.irt.a !== 'number').length;
  let usable = scored.length > 0 && missing === 0;
  let why = missing > 0 ? `${missing} of ${scored.length} scored reference items have no \`irt\`` : '';
  if (usable) {
    try {
      parseItemBank(reference.items, reference.framework);
    } catch (error) {
      usable = false;
      why = `the reference bank does not parse (${error.message})`;
    }
  }
  if (kind === 'reference-prior') {
    const items = {
      ...reference.items,
      items: reference.items.items.map((item) => (item.type === 'self-rating' ? item : { ...item, irt: priorItemParameters(item, reference.framework) })),
    };
    return { framework: reference.framework, items: parseItemBank(items, reference.framework), label: `reference items (${scored.length} scored), IRT from \`priorItemParameters\` (level rule)` };
  }
  if (kind === 'reference' || (kind === 'auto' && usable)) {
    if (!usable) throw new Error(`reference content not usable: ${why}`);
    return { framework: reference.framework, items: reference.items, label: `shipped reference content (${scored.length} scored items, ${scored.filter((item) => item.exposure?.k !== undefined).length} with a calibrated exposure k)` };
  }
  const { framework, items } = sixDomainBank(40, 11);
  return { framework, items, label: `synthetic 6 domains × 40 items (2PL, a ∈ [0.8, 2])${why ? ` — reference not usable: ${why}` : ''}` };
}
