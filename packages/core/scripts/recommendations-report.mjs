#!/usr/bin/env node
// Generates docs/recommendations.md: five simulated agents (one per target profile) on the shipped
// content, their levels and their first three recommendations with reasons.
// Run: pnpm --filter @jauge/core build && node packages/core/scripts/recommendations-report.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { learningPath, profileStatus, recommend, simulateCohort } from '../dist/index.js';
import { catalogue, framework, items, profiles, rules } from '../dist/reference/index.js';

const chosen = ['tout-agent', 'encadrant', 'agent-rh', 'acheteur-public', 'agent-si'];
const population = [{ mean: -0.8 }, { mean: 0 }, { mean: 0.3 }, { mean: -0.3 }, { mean: 1 }];
const lines = ['# Recommandations sur le contenu de référence — exemples', '', '<!-- Généré par `node packages/core/scripts/recommendations-report.mjs` : ne pas modifier à la main. -->', ''];
lines.push('Cinq agents simulés (un par profil cible), chacun passant le test adaptatif par défaut sur la banque de référence ; leurs niveaux par thème (± incertitude), le statut « profil atteint », puis les trois premières formations proposées avec leurs raisons, telles que `recommend()` les produit.', '');
chosen.forEach((profileId, index) => {
  const profile = profiles.profiles.find((p) => p.id === profileId);
  let agent;
  simulateCohort({ framework, items, agents: 1, seed: 100 + index, population: population[index], onAgent: (a) => (agent = a) });
  const result = agent.result;
  const list = recommend(result, { catalogue, rules, profile, framework });
  const status = profileStatus(result, profile, framework);
  const path = learningPath(list, { limit: 5, rules });
  lines.push(`## ${index + 1}. ${profile.title} (\`${profile.id}\`)`, '');
  lines.push(`Niveau global : **${result.overall.level}** ± ${result.overall.levelSe.toFixed(1)} (${result.counts.answered} questions). Profil atteint : **${status.reached ? 'oui' : 'non'}** (${status.met}/${status.total} exigences).`, '');
  lines.push('| Thème | Niveau | ± | Niveau probable |', '|---|---:|---:|---|');
  for (const d of result.domains) lines.push(`| ${d.title} | ${d.level} | ${d.levelSe.toFixed(1)} | ${d.levelRange[0]}–${d.levelRange[1]} |`);
  lines.push('', '| # | Formation | Score (écart × priorité) | Raisons |', '|---:|---|---:|---|');
  list.slice(0, 3).forEach((r, i) => lines.push(`| ${i + 1} | ${r.training.title} — ${r.training.provider}${r.training.url ? ` (<${r.training.url}>)` : ''} | ${r.gap} × ${r.priority} = ${r.score}${r.uncertain ? ' *(indicatif)*' : ''} | ${r.text.replace(/\|/g, '\\|')} |`));
  if (list.length === 0) lines.push('| – | Aucune formation proposée | | |');
  lines.push('', `Parcours proposé (5 formations au plus, ordonnées par prérequis et niveau) : ${path.steps.map((s) => s.training.title).join(' → ') || '—'} ; durée totale connue ${Math.round(path.totalMinutes / 60)} h${path.unknownDurations ? ` (+ ${path.unknownDurations} de durée inconnue)` : ''}.`, '');
});
const target = fileURLToPath(new URL('../../../docs/recommendations.md', import.meta.url));
writeFileSync(target, `${lines.join('\n')}\n`);
console.log(`Wrote ${target}`);
