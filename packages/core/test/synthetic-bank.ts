// Seeded synthetic frameworks and item banks for engine tests and benchmarks.
import type { Framework, ItemBank, ScoredItem } from '../src/index.js';
import { createRandom } from '../src/random.js';
import { miniFramework } from './mini-content.js';

export interface SyntheticOptions {
  domains?: number;
  itemsPerDomain?: number;
  seed?: number;
  /** Add one self-rating item per domain. */
  selfRating?: boolean;
}

/** A framework of `domains` domains × 2 competences × 2 topics × levels 1–6, and a 2PL bank on it. */
export function syntheticContent(options: SyntheticOptions = {}): { framework: Framework; items: ItemBank } {
  const { domains = 6, itemsPerDomain = 40, seed = 1, selfRating = false } = options;
  const random = createRandom(seed);
  const base = miniFramework();
  const framework: Framework = {
    ...base,
    id: 'synthetique',
    domains: Array.from({ length: domains }, (_, d) => ({
      id: `d${d}`,
      title: `Domaine ${d}`,
      competences: [0, 1].map((c) => ({
        id: `d${d}.c${c}`,
        title: `Compétence ${d}.${c}`,
        topics: [0, 1].map((t) => ({
          id: `d${d}.c${c}.t${t}`,
          title: `Sujet ${d}.${c}.${t}`,
          skills: [1, 2, 3, 4, 5, 6].map((level) => ({ id: `d${d}.c${c}.t${t}.n${level}`, level, title: `Niveau ${level}` })),
        })),
      })),
    })),
  };
  const items: ItemBank['items'] = [];
  for (let d = 0; d < domains; d++) {
    for (let k = 0; k < itemsPerDomain; k++) {
      const level = 1 + (k % 6);
      const c = Math.floor(k / 6) % 2;
      const t = Math.floor(k / 12) % 2;
      const item: ScoredItem = {
        id: `d${d}-q${k}`,
        type: 'single-choice',
        skill: `d${d}.c${c}.t${t}.n${level}`,
        level,
        stem: `Question ${k} du domaine ${d} ?`,
        options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }],
        answer: 'a',
        explanation: 'Explication.',
        status: 'reviewed',
        irt: { a: 0.8 + random() * 1.2, b: level - 3.5 + (random() - 0.5) * 0.6 },
      };
      items.push(item);
    }
    if (selfRating) items.push({ id: `d${d}-auto`, type: 'self-rating', domain: `d${d}`, stem: 'Comment vous situez-vous ?', status: 'reviewed' });
  }
  return { framework, items: { id: 'banque-synthetique', version: '1.0.0', lang: 'fr', framework: { id: 'synthetique', version: '1.0.0' }, items } };
}
