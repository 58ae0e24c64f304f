#!/usr/bin/env node
// Generates map.json for the manager dashboard: simulated agents of a fictional ministry (directions,
// services, roles) take the adaptive test on the reference content (`simulateCohort`), their results
// are aggregated by direction and service (`aggregateResults`, suppression of groups under 5) with
// each agent's target profile and recommendations, and a training plan is derived (`planTrainings`).
// Usage: node generate.mjs [--agents 20000] [--seed 2026]   (about 4 ms per agent)
import { writeFileSync } from 'node:fs';
import { aggregateResults, createRandom, planTrainings, recommend, simulateCohort, summarizeResult } from '@jauge/core';
import { catalogue, framework, items, profiles, rules } from '@jauge/core/reference';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const agents = arg('agents', 20000);
const seed = arg('seed', 2026);
const random = createRandom(seed);

// A fictional ministry: four directions, their services (two of them very small, to show suppression),
// each drawn from its own population: mean ability per domain (θ scale, the reference population is
// N(0, 1)), so that the map shows real contrasts between directions and services.
const ministry = [
  ['Secrétariat général', [['Bureau du budget', 9], ['Bureau des achats', 6], ['Service juridique', 5], ['Mission archives', 0.015]]],
  ['Direction des ressources humaines', [['Recrutement', 7], ['Formation', 6], ['Paie et carrières', 10], ['Action sociale', 4]]],
  ['Direction du numérique', [['Développement', 8], ['Exploitation', 7], ['Assistance', 6], ['Sécurité des SI', 3]]],
  ['Direction territoriale Est', [['Accueil du public', 12], ['Instruction des dossiers', 14], ['Contrôle', 7], ['Antenne de Colmar', 0.015]]],
];
const rolesFor = {
  'Bureau des achats': 'acheteur-public',
  'Recrutement': 'agent-rh', 'Formation': 'agent-rh', 'Paie et carrières': 'agent-rh', 'Action sociale': 'agent-rh',
  'Développement': 'agent-si', 'Exploitation': 'agent-si', 'Assistance': 'agent-si', 'Sécurité des SI': 'agent-si',
  'Accueil du public': 'agent-accueil',
};
const directionMeans = {
  'Secrétariat général': { bureautique: 0.4, 'protection-donnees': 0.2, 'intelligence-artificielle': -0.2 },
  'Direction des ressources humaines': { 'protection-donnees': 0.5, bureautique: 0.2, 'intelligence-artificielle': -0.3, cybersecurite: -0.2 },
  'Direction du numérique': { cybersecurite: 1, 'souverainete-numerique': 0.9, 'intelligence-artificielle': 0.7, bureautique: 0.5, 'numerique-responsable': 0.4, 'protection-donnees': 0.4 },
  'Direction territoriale Est': { bureautique: -0.3, 'intelligence-artificielle': -0.6, cybersecurite: -0.3, 'souverainete-numerique': -0.5, 'numerique-responsable': -0.2 },
};
const serviceShifts = {
  'Bureau des achats': { 'souverainete-numerique': 0.5, 'numerique-responsable': 0.6 },
  'Service juridique': { 'protection-donnees': 0.8 },
  'Sécurité des SI': { cybersecurite: 0.8, 'protection-donnees': 0.4 },
  'Assistance': { bureautique: 0.4 },
  'Accueil du public': { 'protection-donnees': 0.3, bureautique: -0.2 },
  'Contrôle': { 'protection-donnees': 0.3 },
};
const services = ministry.flatMap(([direction, list]) => list.map(([service, weight]) => ({ direction, service, weight })));
const total = services.reduce((sum, s) => sum + s.weight, 0);
const populationOf = ({ direction, service }) => {
  const mean = { ...directionMeans[direction] };
  for (const [domain, shift] of Object.entries(serviceShifts[service] ?? {})) mean[domain] = (mean[domain] ?? 0) + shift;
  return { mean };
};
const profileById = new Map(profiles.profiles.map((p) => [p.id, p]));

const records = [];
const t0 = Date.now();
// Each service's agents: its share of the ministry, rounded so that the counts add up to `agents`
// (largest remainders).
const shares = services.map(({ weight }) => (agents * weight) / total);
const counts = shares.map(Math.floor);
const order = shares.map((share, k) => [share - Math.floor(share), k]).sort((a, b) => b[0] - a[0]);
for (let r = agents - counts.reduce((a, b) => a + b, 0), i = 0; r > 0; r--, i++) counts[order[i][1]]++;
let done = 0;
services.forEach(({ direction, service }, k) => {
  const count = counts[k];
  simulateCohort({
    framework,
    items,
    agents: count,
    seed: seed * 100 + k,
    population: populationOf({ direction, service }),
    onAgent: ({ result }) => {
      const manager = random() < 0.12;
      const role = manager ? 'encadrant' : (rolesFor[service] ?? 'tout-agent');
      const profile = profileById.get(role);
      const trainings = recommend(result, { catalogue, rules, profile, framework, limit: 3 }).map((r) => r.training.id);
      records.push({ result: summarizeResult(result), group: { direction, service, role }, trainings });
      if (++done % 2000 === 0) process.stderr.write(`${done} agents…\n`);
    },
  });
});
const map = aggregateResults(records, { groupBy: ['direction', 'service'], minGroupSize: 5, framework, profile: (record) => profileById.get(record.group.role) });
const plan = planTrainings(map, { catalogue, minAgents: 5 });
writeFileSync(new URL('./map.json', import.meta.url), JSON.stringify(map));
writeFileSync(new URL('./plan.json', import.meta.url), JSON.stringify(plan));
const titles = Object.fromEntries([...framework.domains.map((d) => [d.id, d.title]), ...catalogue.trainings.map((t) => [t.id, t.title])]);
writeFileSync(new URL('./titles.json', import.meta.url), JSON.stringify(titles));
console.log(`${records.length} agents simulated and aggregated in ${((Date.now() - t0) / 1000).toFixed(0)} s → map.json, plan.json`);
