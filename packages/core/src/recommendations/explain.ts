/** The language of generated sentences. */
export type ReasonLang = 'fr' | 'en';

function formatSe(levelSe: number, lang: ReasonLang): string {
  const rounded = Math.max(0.5, Math.round(levelSe * 2) / 2);
  return lang === 'fr' ? String(rounded).replace('.', ',') : String(rounded);
}

function lower(title: string): string {
  // "Cybersécurité" → "cybersécurité" inside a sentence, but keep acronyms ("RGPD") as they are.
  return /^[A-ZÀ-Ý][a-zà-ÿ]/.test(title) ? title.charAt(0).toLocaleLowerCase('fr') + title.slice(1) : title;
}

/** What a sentence is about: a domain is a noun ("en cybersécurité"); a competence or topic title is a phrase, quoted. */
export interface Subject {
  title: string;
  kind: 'domain' | 'competence' | 'topic';
}

function about(subject: Subject, lang: ReasonLang): string {
  if (subject.kind === 'domain') return lang === 'fr' ? `en ${lower(subject.title)}` : `in ${lower(subject.title)}`;
  return lang === 'fr' ? `pour « ${subject.title} »` : `for “${subject.title}”`;
}

/** "Votre niveau estimé en cybersécurité (2, incertitude ±1) est en dessous du niveau attendu pour votre fonction (4)." */
export function profileGapSentence(subject: Subject, level: number, levelSe: number, required: number, lang: ReasonLang): string {
  return lang === 'fr'
    ? `Votre niveau estimé ${about(subject, lang)} (${level}, incertitude ±${formatSe(levelSe, lang)}) est en dessous du niveau attendu pour votre fonction (${required}).`
    : `Your estimated level ${about(subject, lang)} (${level}, uncertainty ±${formatSe(levelSe, lang)}) is below the level expected for your role (${required}).`;
}

/** "Votre niveau estimé pour « … » (2, incertitude ±1) est en dessous du niveau 4 que vise cette formation." */
export function goalSentence(subject: Subject, level: number, levelSe: number, below: number, lang: ReasonLang): string {
  return lang === 'fr'
    ? `Votre niveau estimé ${about(subject, lang)} (${level}, incertitude ±${formatSe(levelSe, lang)}) est en dessous du niveau ${below} que vise cette formation.`
    : `Your estimated level ${about(subject, lang)} (${level}, uncertainty ±${formatSe(levelSe, lang)}) is below level ${below}, which this training aims at.`;
}

/** "Vous avez les bases qu'elle suppose en … (niveau 3, au moins 2 attendu)." */
export function prerequisiteSentence(subject: Subject, level: number, atLeast: number, lang: ReasonLang): string {
  return lang === 'fr'
    ? `Vous avez les bases qu’elle suppose ${about(subject, lang)} (niveau ${level}, au moins ${atLeast} attendu).`
    : `You have the basics it assumes ${about(subject, lang)} (level ${level}, at least ${atLeast} expected).`;
}

/** Added when the deciding level is close to the threshold given its uncertainty. */
export function uncertainSentence(lang: ReasonLang): string {
  return lang === 'fr'
    ? 'Ce niveau est proche du seuil compte tenu de l’incertitude : cette proposition est indicative.'
    : 'This level is close to the threshold given its uncertainty: this suggestion is tentative.';
}
