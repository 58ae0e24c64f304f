// A small, valid framework and item bank used by unit tests (independent of the shipped content).
import type { Framework, ItemBank } from '../src/index.js';

export function miniFramework(): Framework {
  const levels = [1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
    level,
    band: (['fondamental', 'intermediaire', 'avance', 'hautement-specialise'] as const)[Math.floor((level - 1) / 2)]!,
    title: `Niveau ${level}`,
  }));
  const ladder = (prefix: string) =>
    [1, 2, 3, 4, 5, 6].map((level) => ({ id: `${prefix}.n${level}`, level, title: `Savoir-faire ${prefix} ${level}` }));
  return {
    id: 'mini',
    version: '1.0.0',
    lang: 'fr',
    title: 'Mini référentiel',
    levels,
    cutPoints: [-1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 4.5],
    selfRatingScale: [
      { id: 'non', label: 'Je ne sais pas faire', level: 1 },
      { id: 'oui', label: 'Je sais faire', level: 3 },
    ],
    domains: [
      {
        id: 'alpha',
        title: 'Alpha',
        competences: [
          { id: 'alpha.c1', title: 'C1', topics: [{ id: 'alpha.c1.t1', title: 'T1', skills: ladder('alpha.c1.t1') }] },
          { id: 'alpha.c2', title: 'C2', topics: [{ id: 'alpha.c2.t1', title: 'T1', skills: ladder('alpha.c2.t1') }] },
        ],
      },
      {
        id: 'beta',
        title: 'Beta',
        competences: [{ id: 'beta.c1', title: 'C1', topics: [{ id: 'beta.c1.t1', title: 'T1', skills: ladder('beta.c1.t1') }] }],
      },
    ],
  };
}

export function miniItemBank(): ItemBank {
  return {
    id: 'mini-bank',
    version: '1.0.0',
    lang: 'fr',
    framework: { id: 'mini', version: '1.0.0' },
    items: [
      {
        id: 'q1', type: 'single-choice', skill: 'alpha.c1.t1.n1', level: 1, stem: 'Question 1 ?',
        options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }],
        answer: 'b', explanation: 'Parce que.', status: 'reviewed', irt: { a: 1.2, b: -2.5, c: 0.1667 },
        sources: [{ publisher: 'ANSSI', title: 'Guide' }],
      },
      {
        id: 'q2', type: 'multiple-choice', skill: 'alpha.c2.t1.n2', level: 2, stem: 'Question 2 ?',
        options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }, { id: 'd', text: 'D' }],
        answer: ['a', 'c'], explanation: 'Parce que.', status: 'reviewed', irt: { a: 1.2, b: -1.5 },
      },
      {
        id: 'q3', type: 'ordering', skill: 'beta.c1.t1.n3', level: 3, stem: 'Remettez dans l\'ordre.',
        options: [{ id: 'a', text: 'Premier' }, { id: 'b', text: 'Deuxième' }, { id: 'c', text: 'Troisième' }],
        answer: ['a', 'b', 'c'], explanation: 'Parce que.', status: 'reviewed', irt: { a: 1.2, b: -0.5 },
      },
      {
        id: 'q4', type: 'short-text', skill: 'beta.c1.t1.n4', level: 4, stem: 'Combien d\'heures ?',
        answer: ['72'], tolerance: { spaces: true }, explanation: 'Parce que.', status: 'reviewed', irt: { a: 1.2, b: 0.5 },
      },
      { id: 'auto-alpha', type: 'self-rating', domain: 'alpha', stem: 'Comment vous situez-vous ?', status: 'reviewed' },
    ],
  };
}

/** A deep copy that tests can break freely. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
