#!/usr/bin/env node
// Generates docs/content.md: what the shipped reference content contains (counts per domain ×
// level × type, sources, review status, catalogue and profiles). Run: node packages/core/scripts/content-report.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { indexFramework } from '../dist/index.js';
import { catalogue, framework, items, profiles, rules, stages } from '../dist/reference/index.js';

const index = indexFramework(framework);
const scored = items.items.filter((item) => item.type !== 'self-rating');
const domainOf = (item) => index.skills.get(item.skill).domain.id;
const types = ['single-choice', 'multiple-choice', 'ordering', 'short-text'];
const lines = [];
const p = (s = '') => lines.push(s);

p('# Contenu de référence — rapport');
p();
p('<!-- Généré par `node packages/core/scripts/content-report.mjs` : ne pas modifier à la main. -->');
p();
p(`Référentiel **${framework.title}** (\`${framework.id}\` ${framework.version}) : ${framework.domains.length} domaines, ${index.competences.size} compétences, ${index.topics.size} sujets, ${index.skills.size} savoir-faire. Banque \`${items.id}\` ${items.version} : **${items.items.length} items** dont ${scored.length} notés et ${items.items.length - scored.length} d'auto-positionnement.`);
p();
p('## Items notés par domaine et par niveau');
p();
p(`| Domaine | ${[1, 2, 3, 4, 5, 6].map((l) => `N${l}`).join(' | ')} | Total |`);
p(`|---|${[1, 2, 3, 4, 5, 6].map(() => '---:').join('|')}|---:|`);
for (const domain of framework.domains) {
  const own = scored.filter((item) => domainOf(item) === domain.id);
  p(`| ${domain.title} | ${[1, 2, 3, 4, 5, 6].map((l) => own.filter((item) => item.level === l).length).join(' | ')} | ${own.length} |`);
}
p();
p('## Items notés par domaine et par type');
p();
p(`| Domaine | ${types.join(' | ')} |`);
p(`|---|${types.map(() => '---:').join('|')}|`);
for (const domain of framework.domains) {
  const own = scored.filter((item) => domainOf(item) === domain.id);
  p(`| ${domain.title} | ${types.map((t) => own.filter((item) => item.type === t).length).join(' | ')} |`);
}
p();
p('## Relecture');
p();
const statuses = {};
const verdicts = {};
for (const item of items.items) {
  statuses[item.status] = (statuses[item.status] ?? 0) + 1;
  if (item.review) verdicts[item.review.verdict] = (verdicts[item.review.verdict] ?? 0) + 1;
}
p(`Statut : ${Object.entries(statuses).map(([k, v]) => `${k} ${v}`).join(', ')}. Verdicts de relecture : ${Object.entries(verdicts).map(([k, v]) => `${k === 'ok' ? 'conforme' : 'corrigé'} ${v}`).join(', ')}.`);
p();
p("Chaque item a été rédigé par un rédacteur spécialisé du domaine puis relu par un relecteur indépendant, qui a vérifié le fait sur lequel repose la clé contre la source citée (copie archivée de la page officielle quand elle était disponible, sinon connaissance experte — la note de relecture de chaque item le précise), l'unicité de la clé, l'absence de piège, le niveau et la langue. Cette relecture a été faite par des agents d'IA rédacteurs et relecteurs ; **une relecture humaine par des experts métier (RSSI, DPO, référents numérique responsable) reste recommandée avant un déploiement.**");
p();
p('## Sources citées (éditeurs)');
p();
const publishers = {};
for (const item of scored) for (const source of item.sources ?? []) publishers[source.publisher] = (publishers[source.publisher] ?? 0) + 1;
p('| Éditeur | Items |');
p('|---|---:|');
for (const [name, count] of Object.entries(publishers).sort((a, b) => b[1] - a[1])) p(`| ${name.replace(/\|/g, '\\|')} | ${count} |`);
p();
p(`Items reposant sur des faits susceptibles d'évoluer (champ \`asOf\`) : ${scored.filter((item) => item.asOf).length}.`);
p();
p('## Paramètres IRT');
p();
p('Aucune donnée de calibration n\'existe encore : les paramètres sont des *a priori* d\'experts dérivés du niveau (règle documentée dans `docs/decisions/0003-irt-priors-and-cut-points.md`) : `b` = seuil bas du niveau, `a` = 1,2, `c` = 1/(2k) pour un choix unique à k options, 0 sinon.');
p();
p('## Catalogue, profils, règles, paliers');
p();
const withUrl = catalogue.trainings.filter((t) => t.url).length;
p(`- Catalogue : ${catalogue.trainings.length} formations (${withUrl} avec une adresse vérifiée, ${catalogue.trainings.length - withUrl} avec une indication pour la trouver).`);
for (const domain of framework.domains) {
  const n = catalogue.trainings.filter((t) => t.competences.some((c) => index.competences.get(c)?.domain.id === domain.id)).length;
  p(`  - ${domain.title} : ${n} formations`);
}
p(`- Profils cibles : ${profiles.profiles.map((profile) => `${profile.title} (\`${profile.id}\`)`).join(', ')}.`);
p(`- Règles de recommandation : ${rules.rules.length}. Paliers : ${stages.stages.length}.`);
p();
p(`Crédit : ${framework.attribution}`);
const target = fileURLToPath(new URL('../../../docs/content.md', import.meta.url));
writeFileSync(target, `${lines.join('\n')}\n`);
console.log(`Wrote ${target}`);
