const nf = (lang: string, digits = 1) => new Intl.NumberFormat(lang.startsWith('en') ? 'en' : 'fr', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Texts of the competence map, French (default) and English. */
export function mapMessagesFor(lang: string) {
  const en = lang.startsWith('en');
  const f = nf(lang);
  const f2 = nf(lang, 2);
  return {
    title: en ? 'Competence map' : 'Carte des compétences',
    lead: (k: number) =>
      en
        ? `Mean estimated level (1 to 8) per group and theme, with its uncertainty and headcount. Groups under ${k} agents are hidden, and so are enough other cells that they cannot be recomputed.`
        : `Niveau moyen estimé (1 à 8) par groupe et par thème, avec son incertitude et l’effectif. Les groupes de moins de ${k} agents sont masqués, ainsi que d’autres cases pour qu’on ne puisse pas les recalculer.`,
    suppressedCount: (n: number) => (en ? `${n} group(s) hidden.` : `${n} groupe(s) masqué(s).`),
    filter: en ? 'Filter groups' : 'Filtrer les groupes',
    download: en ? 'Download (CSV)' : 'Télécharger (CSV)',
    shown: (shown: number, total: number) => (en ? `${shown} of ${total} groups shown.` : `${shown} groupe(s) affiché(s) sur ${total}.`),
    caption: en ? 'Mean level per group and theme (± uncertainty), headcount, share below the level expected for the role' : 'Niveau moyen par groupe et par thème (± incertitude), effectif, part sous le niveau attendu pour la fonction',
    group: en ? 'Group' : 'Groupe',
    headcount: en ? 'Agents' : 'Agents',
    overall: en ? 'Overall' : 'Global',
    domain: en ? 'Theme' : 'Thème',
    everyone: en ? 'Whole organisation' : 'Ensemble',
    hidden: en ? 'hidden' : 'masqué',
    reason: {
      'below-minimum': en ? 'too few agents' : 'trop peu d’agents',
      complementary: en ? 'hidden so that another group cannot be recomputed' : 'masqué pour qu’un autre groupe ne puisse pas être recalculé',
    },
    level: (mean: number, se: number) => (en ? `level ${f.format(mean)} ± ${f2.format(se)}` : `niveau ${f.format(mean)} ± ${f2.format(se)}`),
    agents: (n: number) => (en ? `${n} agents` : `${n} agents`),
    below: (share: number) => (en ? `${Math.round(share * 100)}% below target` : `${Math.round(share * 100)} % sous l’attendu`),
    distribution: en ? 'Distribution' : 'Répartition',
    distributionCaption: (group: string) => (en ? `Agents per level — ${group}` : `Agents par niveau — ${group}`),
    levelHeader: (l: number) => (en ? `Level ${l}` : `Niv. ${l}`),
    empty: en ? 'No map to show.' : 'Aucune carte à afficher.',
  };
}
