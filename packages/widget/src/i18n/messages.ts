/** Every text the elements show, in one language. French is the default; English is complete. */
export interface Messages {
  title: string;
  loading: string;
  introLead: string;
  introMeasures: (themes: string[]) => string;
  introDuration: (min: number, max: number) => string;
  introPrivacy: string;
  introDontKnow: string;
  start: string;
  resume: string;
  restart: string;
  pause: string;
  pausedTitle: string;
  pausedText: string;
  corruptedSave: string;
  contentError: string;
  configurationError: string;
  questionHeading: (n: number) => string;
  progressText: (answered: number, min: number, max: number) => string;
  domainLabel: string;
  submit: string;
  dontKnow: string;
  chooseOne: string;
  chooseMany: string;
  orderHint: string;
  moveUp: (text: string) => string;
  moveDown: (text: string) => string;
  moved: (text: string, position: number, total: number) => string;
  position: (position: number, total: number) => string;
  typeAnswer: string;
  selfRatingHint: string;
  answerRequired: string;
  answerSaved: (n: number) => string;
  resultsTitle: string;
  overall: string;
  levelWithUncertainty: (level: number, se: number) => string;
  levelRange: (low: number, high: number) => string;
  confidence: (percent: number) => string;
  band: Record<'fondamental' | 'intermediaire' | 'avance' | 'hautement-specialise', string>;
  tableCaption: string;
  colDomain: string;
  colLevel: string;
  colRange: string;
  colQuestions: string;
  colSelfRating: string;
  chartTitle: string;
  chartDesc: string;
  selfRatingLevel: (level: number) => string;
  notRated: string;
  stagesTitle: string;
  recommendationsTitle: string;
  noRecommendation: string;
  explanationsTitle: string;
  outcome: Record<'correct' | 'incorrect' | 'skipped' | 'rated', string>;
  source: string;
  download: string;
  print: string;
  share: string;
  shareQueued: string;
  shareDone: string;
  noResult: string;
  minutes: (n: number) => string;
  duration: (minutes: number) => string;
  tentative: string;
  profileReached: string;
  profileNotReached: (met: number, total: number) => string;
}

const frBands = { fondamental: 'fondamental', intermediaire: 'intermédiaire', avance: 'avancé', 'hautement-specialise': 'hautement spécialisé' };

export const fr: Messages = {
  title: 'Autodiagnostic des compétences numériques',
  loading: 'Chargement de l’autodiagnostic…',
  introLead: 'Faites le point sur vos compétences numériques en quelques minutes.',
  introMeasures: (themes) => (themes.length === 1 ? `Un thème est abordé : ${themes[0]}.` : `${themes.length} thèmes sont abordés : ${listFr(themes)}.`),
  introDuration: (min, max) => `Le test s’adapte à vos réponses : il compte entre ${min} et ${max} questions (environ ${Math.round(min * 0.6)} à ${Math.round(max * 0.75)} minutes). Il n’y a pas de limite de temps et vous pouvez faire une pause à tout moment.`,
  introPrivacy: 'Vos réponses restent dans votre navigateur : rien n’est envoyé, sauf si vous choisissez de partager vos résultats.',
  introDontKnow: 'Si vous ne connaissez pas la réponse, choisissez « Je ne sais pas » plutôt que de répondre au hasard.',
  start: 'Commencer',
  resume: 'Reprendre',
  restart: 'Recommencer',
  pause: 'Faire une pause',
  pausedTitle: 'Test en pause',
  pausedText: 'Vos réponses sont enregistrées dans ce navigateur. Vous pourrez reprendre là où vous vous êtes arrêté.',
  corruptedSave: 'Votre test enregistré n’a pas pu être relu (il est incomplet ou a été modifié). Un nouveau test commence.',
  contentError: 'L’autodiagnostic n’a pas pu démarrer : son contenu est invalide.',
  configurationError: 'L’autodiagnostic n’a pas pu démarrer : ses réglages sont invalides (thèmes, nombre de questions).',
  questionHeading: (n) => `Question ${n}`,
  progressText: (answered, min, max) => `${answered} question${answered > 1 ? 's' : ''} répondue${answered > 1 ? 's' : ''} — le test en compte entre ${min} et ${max} selon vos réponses`,
  domainLabel: 'Thème',
  submit: 'Valider',
  dontKnow: 'Je ne sais pas',
  chooseOne: 'Une seule réponse possible.',
  chooseMany: 'Plusieurs réponses possibles.',
  orderHint: 'Utilisez les boutons « Monter » et « Descendre » pour remettre les éléments dans l’ordre.',
  moveUp: (text) => `Monter « ${text} »`,
  moveDown: (text) => `Descendre « ${text} »`,
  moved: (text, position, total) => `« ${text} » déplacé en position ${position} sur ${total}.`,
  position: (position, total) => `${position} sur ${total}`,
  typeAnswer: 'Votre réponse',
  selfRatingHint: 'Votre avis n’entre pas dans le calcul de votre niveau.',
  answerRequired: 'Choisissez ou saisissez une réponse, ou cliquez sur « Je ne sais pas ».',
  answerSaved: (n) => `Réponse enregistrée. Question ${n}.`,
  resultsTitle: 'Vos résultats',
  overall: 'Niveau global',
  levelWithUncertainty: (level, se) => `niveau ${level} ± ${formatSe(se, ',')}`,
  levelRange: (low, high) => (low === high ? `niveau ${low}` : `entre ${low} et ${high}`),
  confidence: (percent) => `${percent} % de chances que votre niveau soit au moins celui-ci`,
  band: frBands,
  tableCaption: 'Niveau estimé par thème, avec son incertitude',
  colDomain: 'Thème',
  colLevel: 'Niveau estimé',
  colRange: 'Niveau probable',
  colQuestions: 'Questions',
  colSelfRating: 'Votre avis',
  chartTitle: 'Niveau estimé par thème',
  chartDesc: 'Diagramme en barres : pour chaque thème, le niveau estimé de 1 à 8 et, en trait, l’intervalle probable. Les mêmes données figurent dans le tableau.',
  selfRatingLevel: (level) => `niveau ${level}`,
  notRated: 'non donné',
  stagesTitle: 'Où vous en êtes',
  recommendationsTitle: 'Formations recommandées',
  noRecommendation: 'Aucune formation n’est proposée pour l’instant.',
  explanationsTitle: 'Revoir les questions et leurs explications',
  outcome: { correct: 'Bonne réponse', incorrect: 'Réponse inexacte', skipped: 'Je ne sais pas', rated: 'Votre avis' },
  source: 'Source',
  download: 'Télécharger mes résultats (JSON)',
  print: 'Imprimer',
  share: 'Envoyer mes résultats à mon administration',
  shareQueued: 'Vos résultats seront envoyés dès que possible.',
  shareDone: 'Vos résultats ont été envoyés à votre administration.',
  noResult: 'Aucun résultat enregistré pour l’instant.',
  minutes: (n) => `${n} min`,
  duration: (minutes) => (minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 30) / 2} h`.replace('.', ',')),
  tentative: 'proposition indicative : votre niveau est proche du seuil',
  profileReached: 'Vous atteignez le niveau attendu pour votre fonction sur toutes les compétences évaluées.',
  profileNotReached: (met, total) => `Vous atteignez le niveau attendu pour votre fonction sur ${met} compétence${met > 1 ? 's' : ''} sur ${total}.`,
};

export const en: Messages = {
  title: 'Digital skills self-assessment',
  loading: 'Loading the self-assessment…',
  introLead: 'Take stock of your digital skills in a few minutes.',
  introMeasures: (themes) => (themes.length === 1 ? `One theme is covered: ${themes[0]}.` : `${themes.length} themes are covered: ${listEn(themes)}.`),
  introDuration: (min, max) => `The test adapts to your answers: it has between ${min} and ${max} questions (about ${Math.round(min * 0.6)} to ${Math.round(max * 0.75)} minutes). There is no time limit and you can pause at any time.`,
  introPrivacy: 'Your answers stay in your browser: nothing is sent unless you choose to share your results.',
  introDontKnow: 'If you do not know the answer, choose “I don’t know” rather than guessing.',
  start: 'Start',
  resume: 'Resume',
  restart: 'Start again',
  pause: 'Pause',
  pausedTitle: 'Test paused',
  pausedText: 'Your answers are saved in this browser. You can resume where you stopped.',
  corruptedSave: 'Your saved test could not be read (it is incomplete or was modified). A new test starts.',
  contentError: 'The self-assessment could not start: its content is invalid.',
  configurationError: 'The self-assessment could not start: its settings are invalid (themes, number of questions).',
  questionHeading: (n) => `Question ${n}`,
  progressText: (answered, min, max) => `${answered} question${answered === 1 ? '' : 's'} answered — the test has between ${min} and ${max} depending on your answers`,
  domainLabel: 'Theme',
  submit: 'Submit',
  dontKnow: 'I don’t know',
  chooseOne: 'One answer only.',
  chooseMany: 'Several answers possible.',
  orderHint: 'Use the “Move up” and “Move down” buttons to put the items in order.',
  moveUp: (text) => `Move up “${text}”`,
  moveDown: (text) => `Move down “${text}”`,
  moved: (text, position, total) => `“${text}” moved to position ${position} of ${total}.`,
  position: (position, total) => `${position} of ${total}`,
  typeAnswer: 'Your answer',
  selfRatingHint: 'Your opinion is not used to compute your level.',
  answerRequired: 'Choose or type an answer, or select “I don’t know”.',
  answerSaved: (n) => `Answer saved. Question ${n}.`,
  resultsTitle: 'Your results',
  overall: 'Overall level',
  levelWithUncertainty: (level, se) => `level ${level} ± ${formatSe(se, '.')}`,
  levelRange: (low, high) => (low === high ? `level ${low}` : `between ${low} and ${high}`),
  confidence: (percent) => `${percent}% chance that your level is at least this one`,
  band: { fondamental: 'foundation', intermediaire: 'intermediate', avance: 'advanced', 'hautement-specialise': 'highly specialised' },
  tableCaption: 'Estimated level per theme, with its uncertainty',
  colDomain: 'Theme',
  colLevel: 'Estimated level',
  colRange: 'Likely level',
  colQuestions: 'Questions',
  colSelfRating: 'Your view',
  chartTitle: 'Estimated level per theme',
  chartDesc: 'Bar chart: for each theme, the estimated level from 1 to 8 and, as a line, the likely range. The same data is in the table.',
  selfRatingLevel: (level) => `level ${level}`,
  notRated: 'not given',
  stagesTitle: 'Where you stand',
  recommendationsTitle: 'Recommended training',
  noRecommendation: 'No training is proposed for now.',
  explanationsTitle: 'Review the questions and their explanations',
  outcome: { correct: 'Correct', incorrect: 'Incorrect', skipped: 'I don’t know', rated: 'Your view' },
  source: 'Source',
  download: 'Download my results (JSON)',
  print: 'Print',
  share: 'Send my results to my administration',
  shareQueued: 'Your results will be sent as soon as possible.',
  shareDone: 'Your results were sent to your administration.',
  noResult: 'No result saved yet.',
  minutes: (n) => `${n} min`,
  duration: (minutes) => (minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 30) / 2} h`),
  tentative: 'tentative: your level is close to the threshold',
  profileReached: 'You reach the level expected for your role on every competence assessed.',
  profileNotReached: (met, total) => `You reach the level expected for your role on ${met} of ${total} competences.`,
};

function lowerFirst(text: string): string {
  return /^[A-ZÀ-Ý][a-zà-ÿ]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
function listFr(items: string[]): string {
  const words = items.map(lowerFirst);
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} et ${words[words.length - 1]}`;
}
function listEn(items: string[]): string {
  const words = items.map(lowerFirst);
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** An uncertainty in levels, rounded to the half level (never shown as 0: no estimate is exact). */
function formatSe(se: number, decimal: string): string {
  const rounded = Math.max(0.5, Math.round(se * 2) / 2);
  return String(rounded).replace('.', decimal);
}

/** The messages of a language tag (`fr` by default; `en`, `en-GB`… give English). */
export function messagesFor(lang: string | null | undefined): Messages {
  return lang?.toLowerCase().startsWith('en') ? en : fr;
}
