#!/usr/bin/env node
// Quelle longueur de test choisir ? Des agents simulés passent le test adaptatif sur le contenu de
// référence, pour plusieurs longueurs maximales, et l'on compare la précision obtenue.
//
// Usage : node simulate.mjs [--agents 300] [--seed 2026] [--lengths 18,24,30,36]
import { simulateCohort } from '@jauge/core';
import { framework, items } from '@jauge/core/reference';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const agents = Number(option('agents', '300'));
const seed = Number(option('seed', '2026'));
const lengths = option('lengths', '18,24,30,36').split(',').map(Number);
if (!Number.isInteger(agents) || agents < 2 || !Number.isInteger(seed) || lengths.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('Usage : node simulate.mjs [--agents 300] [--seed 2026] [--lengths 18,24,30,36]');
  process.exit(2);
}

// Largeur d'un niveau sur l'échelle θ (1 logit pour le référentiel livré) : les erreurs sont
// données en niveaux.
const cuts = framework.cutPoints;
const levelWidth = (cuts[cuts.length - 1] - cuts[0]) / (cuts.length - 1);
const fr = (x, digits = 2) => x.toFixed(digits).replace('.', ',');
const pct = (x) => `${fr(100 * x, 0)} %`;
const titles = Object.fromEntries(framework.domains.map((d) => [d.id, d.title]));

const started = Date.now();
const runs = lengths.map((maxItems) => {
  // Comme l'attribut max-items du widget : au plus maxItems questions notées, au moins min(24, maxItems).
  const config = { maxItems, minItems: Math.min(24, maxItems) };
  const report = simulateCohort({ framework, items, agents, seed, config });
  const domains = Object.values(report.domains);
  const mean = (pick) => domains.reduce((sum, d) => sum + pick(d), 0) / domains.length;
  return { maxItems, report, rmse: mean((d) => d.rmse), se: mean((d) => d.meanSe), agreement: mean((d) => d.levelAgreement) };
});
const seconds = (Date.now() - started) / 1000;

const out = [];
out.push(`Jauge — simulation de ${agents} agents par longueur de test (graine ${seed}), contenu de référence`);
out.push(`« ${framework.title} » ${framework.version}, ${items.items.filter((i) => i.type !== 'self-rating').length} questions notées, ${framework.domains.length} thèmes.`);
out.push('Erreurs en niveaux (échelle 1 à 8). Agents simulés : aptitudes N(0, 1) par thème, corrélées à 0,6.');
out.push('');
out.push('| Questions (max) | Questions (médiane) | Durée indicative | RMSE global | RMSE moyen par thème | Erreur type moyenne par thème | Niveau exact par thème | Exposition max d’une question | Recouvrement moyen |');
out.push('|---:|---:|---|---:|---:|---:|---:|---:|---:|');
for (const run of runs) {
  const median = run.report.testLength.median;
  out.push(
    `| ${run.maxItems} | ${median} | ${Math.round(median * 0.6)} à ${Math.round(median * 0.75)} min | ${fr(run.report.overall.rmse / levelWidth)} | ${fr(run.rmse / levelWidth)} | ${fr(run.se / levelWidth)} | ${pct(run.agreement)} | ${pct(run.report.exposure.max)} | ${pct(run.report.overlap)} |`,
  );
}
out.push('');
out.push('RMSE par thème (en niveaux) :');
out.push('');
out.push(`| Thème | ${runs.map((r) => `${r.maxItems} q.`).join(' | ')} |`);
out.push(`|---|${runs.map(() => '---:').join('|')}|`);
for (const id of Object.keys(runs[0].report.domains)) {
  out.push(`| ${titles[id] ?? id} | ${runs.map((r) => fr(r.report.domains[id].rmse / levelWidth)).join(' | ')} |`);
}
out.push('');
out.push(`Raisons d’arrêt : ${runs.map((r) => `${r.maxItems} q. → ${Object.entries(r.report.stopReasons).map(([k, v]) => `${k} ${pct(v / agents)}`).join(', ')}`).join(' ; ')}.`);
out.push(`Calcul : ${fr(seconds, 1)} s.`);
console.log(out.join('\n'));
