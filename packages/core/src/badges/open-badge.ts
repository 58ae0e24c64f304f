import { fnv1a } from '../cat/item-pool.js';
import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import type { Framework } from '../framework/framework.schema.js';
import { describeValue } from '../framework/issues.js';
import type { AssessmentResult, CompetenceResult, DomainResult } from '../scoring/result.js';

/** First JSON-LD context of every credential: W3C Verifiable Credentials Data Model 2.0. */
export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
/** Second JSON-LD context: 1EdTech Open Badges 3.0, context file version 3.0.3 (the current one). */
export const OB_CONTEXT_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** Where each aligned framework is published (used as `targetUrl` when an alignment has no `uri`). */
const FRAMEWORKS: Record<string, { name: string; url: string }> = {
  'digcomp-2.2': { name: 'DigComp 2.2', url: 'https://publications.jrc.ec.europa.eu/repository/handle/JRC128415' },
  'digcomp-3.0': { name: 'DigComp 3.0', url: 'https://joint-research-centre.ec.europa.eu/projects-and-activities/education-and-training/digital-transformation-education/digital-competence-framework-citizens-digcomp_en' },
  crcn: { name: 'CRCN', url: 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000039005162' },
  esco: { name: 'ESCO', url: 'https://esco.ec.europa.eu/' },
};

/** An issuer `Profile` (OB 3.0). */
export interface OpenBadgeProfile {
  id: string;
  type: ['Profile'];
  name: string;
  url?: string;
}

/** An `Alignment` of the achievement (or of a result) to a framework entry. */
export interface OpenBadgeAlignment {
  type: ['Alignment'];
  targetName: string;
  targetUrl: string;
  targetFramework: string;
  targetCode?: string;
}

/** One level of the 1–8 scale, as an OB 3.0 `RubricCriterionLevel`. */
export interface OpenBadgeRubricCriterionLevel {
  id: string;
  type: ['RubricCriterionLevel'];
  name: string;
  description?: string;
  level: string;
}

/** How results of the achievement are expressed (OB 3.0 `ResultDescription`). */
export interface OpenBadgeResultDescription {
  id: string;
  type: ['ResultDescription'];
  name: string;
  resultType: 'RubricCriterionLevel';
  rubricCriterionLevel: OpenBadgeRubricCriterionLevel[];
}

/** The `Achievement`: one domain of the framework, as assessed by Jauge. */
export interface OpenBadgeAchievement {
  id: string;
  type: ['Achievement'];
  achievementType: 'Assessment' | 'Competency';
  name: string;
  description: string;
  criteria: { narrative: string };
  inLanguage: string;
  alignment: OpenBadgeAlignment[];
  resultDescription: [OpenBadgeResultDescription];
}

/** One `Result`: a level with its uncertainty (`value`, e.g. "niveau 4 ± 1"). */
export interface OpenBadgeResult {
  type: ['Result'];
  /** The IRI of the achievement's `ResultDescription` (OB 3.0 types this field as an IRI). */
  resultDescription: string;
  /** The IRI of the reached `RubricCriterionLevel`. */
  achievedLevel: string;
  /** The level with its uncertainty, as read by a person: "niveau 4 ± 1". */
  value: string;
  /** For a competence result: the Jauge competence first, then its DigComp / CRCN alignments. */
  alignment?: OpenBadgeAlignment[];
}

/** An unsigned Open Badges 3.0 credential (no `proof`: the host signs it). */
export interface OpenBadgeCredential {
  '@context': [typeof VC_CONTEXT_V2, typeof OB_CONTEXT_V3];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  issuer: OpenBadgeProfile;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: ['AchievementSubject'];
    achievement: OpenBadgeAchievement;
    result: OpenBadgeResult[];
  };
}

/**
 * The signing hook of the host: takes the unsigned credential and returns it secured (a Data
 * Integrity `proof` added, or wrapped as a VC-JOSE/JWT). Jauge never implements the cryptography
 * and never sees a key.
 */
export type CredentialSigner<Signed = OpenBadgeCredential & { proof: unknown }> = (unsigned: OpenBadgeCredential) => Promise<Signed>;

/** Options of {@link openBadgeCredential} and {@link openBadgeCredentials}. */
export interface OpenBadgeOptions {
  /** The framework the result was computed with (same id and version). */
  framework: Framework;
  /** The issuing organisation: `id` is an https URL or a DID. */
  issuer: { id: string; name: string; url?: string };
  /** The recipient, pseudonymous: a DID or a URN (`urn:uuid:…`). Never a name nor an e-mail. */
  recipient: { id: string };
  /** One domain id. Without it, {@link openBadgeCredentials} makes one credential per domain reached. */
  domain?: string;
  /** Issue date, given by the caller (core reads no clock): `2026-11-29` or `2026-11-29T10:00:00Z`. */
  issuedOn: string;
  /** Credential id (e.g. `urn:uuid:…`); only when one credential is produced. Default: a deterministic `urn:jauge:credential:…`. */
  id?: string;
  /**
   * `Assessment` (default): a positioning test taken by the agent, not a certification.
   * `Competency` only if the host ran the test under conditions it vouches for (proctored).
   */
  achievementType?: 'Assessment' | 'Competency';
}

const DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;
const HTTP_URL = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/;
const URN = /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Makes the unsigned Open Badges 3.0 credential of one domain of an assessment result.
 *
 * @throws {@link JaugeValidationError} for invalid options (paths relative to the options) or a
 * result that does not match the framework, is not complete, or has not reached the domain.
 */
export function openBadgeCredential(result: AssessmentResult, options: OpenBadgeOptions & { domain: string }): OpenBadgeCredential {
  return openBadgeCredentials(result, options)[0]!;
}

/**
 * Makes unsigned Open Badges 3.0 credentials of an assessment result: one per domain reached
 * (a domain with at least one scored item answered or skipped), or only `options.domain`.
 * An OB 3.0 credential holds exactly one achievement, hence one credential per domain.
 *
 * @throws {@link JaugeValidationError} as {@link openBadgeCredential}.
 */
export function openBadgeCredentials(result: AssessmentResult, options: OpenBadgeOptions): OpenBadgeCredential[] {
  const issues: ValidationIssue[] = [];
  const { framework, issuer, recipient } = options;
  const text = (path: string, value: unknown): value is string => {
    if (typeof value === 'string' && value.trim() !== '') return true;
    issues.push({ path, message: `expected a non-empty string, found ${describeValue(value)}` });
    return false;
  };
  if (typeof framework !== 'object' || framework === null || !Array.isArray(framework.domains)) {
    issues.push({ path: 'framework', message: `expected a framework, found ${describeValue(framework)}` });
  } else if (framework.id !== result.framework.id || framework.version !== result.framework.version) {
    issues.push({
      path: 'framework',
      message: `expected the framework of the result (${result.framework.id} ${result.framework.version}), found ${framework.id} ${framework.version}`,
    });
  }
  if (typeof issuer !== 'object' || issuer === null) issues.push({ path: 'issuer', message: `expected an object, found ${describeValue(issuer)}` });
  else {
    if (text('issuer.id', issuer.id) && !HTTP_URL.test(issuer.id) && !DID.test(issuer.id)) {
      issues.push({ path: 'issuer.id', message: `expected an http(s) URL or a DID, found ${describeValue(issuer.id)}` });
    }
    text('issuer.name', issuer.name);
    if (issuer.url !== undefined && (typeof issuer.url !== 'string' || !HTTP_URL.test(issuer.url))) {
      issues.push({ path: 'issuer.url', message: `expected an http(s) URL, found ${describeValue(issuer.url)}` });
    }
  }
  if (typeof recipient !== 'object' || recipient === null) issues.push({ path: 'recipient', message: `expected an object, found ${describeValue(recipient)}` });
  else if (text('recipient.id', recipient.id)) {
    if (recipient.id.includes('@') || /^mailto:/i.test(recipient.id)) {
      issues.push({ path: 'recipient.id', message: 'expected a pseudonymous DID or URN, found an e-mail address' });
    } else if (!DID.test(recipient.id) && !URN.test(recipient.id)) {
      issues.push({ path: 'recipient.id', message: `expected a pseudonymous DID or URN (e.g. "urn:uuid:…"), found ${describeValue(recipient.id)}` });
    }
  }
  const validFrom = dateTime(options.issuedOn);
  if (validFrom === undefined) {
    issues.push({ path: 'issuedOn', message: `expected an ISO date such as "2026-11-29" or "2026-11-29T10:00:00Z", found ${describeValue(options.issuedOn)}` });
  }
  if (options.achievementType !== undefined && options.achievementType !== 'Assessment' && options.achievementType !== 'Competency') {
    issues.push({ path: 'achievementType', message: `expected "Assessment" or "Competency", found ${describeValue(options.achievementType)}` });
  }
  if (!result.complete) issues.push({ path: 'result.complete', message: 'expected a complete assessment, found a test still running' });

  const reached = result.domains.filter((domain) => domain.answered > 0);
  let chosen = reached;
  if (options.domain !== undefined) {
    const domain = result.domains.find((candidate) => candidate.id === options.domain);
    if (!domain) issues.push({ path: 'domain', message: `expected a domain of the result (${result.domains.map((d) => d.id).join(', ')}), found ${describeValue(options.domain)}` });
    else if (domain.answered === 0) issues.push({ path: 'domain', message: `expected a domain reached by the test, found "${domain.id}" (no item answered)` });
    chosen = domain ? [domain] : [];
  } else if (reached.length === 0) {
    issues.push({ path: 'result.domains', message: 'expected at least one domain reached by the test, found none' });
  }
  if (options.id !== undefined) {
    if (typeof options.id !== 'string' || (!HTTP_URL.test(options.id) && !URN.test(options.id) && !DID.test(options.id))) {
      issues.push({ path: 'id', message: `expected a URI (e.g. "urn:uuid:…"), found ${describeValue(options.id)}` });
    } else if (chosen.length > 1) {
      issues.push({ path: 'id', message: `expected no id when ${chosen.length} credentials are made (one per domain); give \`domain\` to make one` });
    }
  }
  if (issues.length > 0) throw new JaugeValidationError('Open Badge options', issues);

  return chosen.map((domain) => credentialOf(result, domain, options, validFrom!));
}

/** `2026-11-29` → `2026-11-29T00:00:00Z`; a date-time with a time zone is kept; anything else (or an impossible date) → undefined. */
function dateTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [, y, m, d, hh = '00', mm = '00', ss = '00'] = match;
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(m) - 1 || day.getUTCDate() !== Number(d)) return undefined;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  return match[4] === undefined ? `${value}T00:00:00Z` : value;
}

/** "niveau 4 ± 1", "niveau 3 ± 1,5": the uncertainty in half levels, at least ½ (as the recommendations say it). */
export function levelWithUncertainty(level: number, levelSe: number): string {
  const rounded = Math.max(0.5, Math.round(levelSe * 2) / 2);
  return `niveau ${level} ± ${String(rounded).replace('.', ',')}`;
}

/** DigComp 2.2 competence names (Vuorikari, Kluzer, Punie 2022), by code. */
const DIGCOMP_22: Record<string, string> = {
  '1.1': 'Browsing, searching and filtering data, information and digital content',
  '1.2': 'Evaluating data, information and digital content',
  '1.3': 'Managing data, information and digital content',
  '2.1': 'Interacting through digital technologies',
  '2.2': 'Sharing through digital technologies',
  '2.3': 'Engaging in citizenship through digital technologies',
  '2.4': 'Collaborating through digital technologies',
  '2.5': 'Netiquette',
  '2.6': 'Managing digital identity',
  '3.1': 'Developing digital content',
  '3.2': 'Integrating and re-elaborating digital content',
  '3.3': 'Copyright and licences',
  '3.4': 'Programming',
  '4.1': 'Protecting devices',
  '4.2': 'Protecting personal data and privacy',
  '4.3': 'Protecting health and well-being',
  '4.4': 'Protecting the environment',
  '5.1': 'Solving technical problems',
  '5.2': 'Identifying needs and technological responses',
  '5.3': 'Creatively using digital technologies',
  '5.4': 'Identifying digital competence gaps',
};

/** CRCN competence names (décret n° 2019-919), by code. */
const CRCN: Record<string, string> = {
  '1.1': 'Mener une recherche et une veille d’information',
  '1.2': 'Gérer des données',
  '1.3': 'Traiter des données',
  '2.1': 'Interagir',
  '2.2': 'Partager et publier',
  '2.3': 'Collaborer',
  '2.4': 'S’insérer dans le monde numérique',
  '3.1': 'Développer des documents textuels',
  '3.2': 'Développer des documents multimédia',
  '3.3': 'Adapter les documents à leur finalité',
  '3.4': 'Programmer',
  '4.1': 'Sécuriser l’environnement numérique',
  '4.2': 'Protéger les données personnelles et la vie privée',
  '4.3': 'Protéger la santé, le bien-être et l’environnement',
  '5.1': 'Résoudre des problèmes techniques',
  '5.2': 'Construire un environnement numérique',
};

type Alignments = NonNullable<Framework['domains'][number]['competences'][number]['alignments']>;

function alignmentsOf(list: Alignments): OpenBadgeAlignment[] {
  const out: OpenBadgeAlignment[] = [];
  for (const alignment of list) {
    const known = FRAMEWORKS[alignment.framework];
    if (!known) continue;
    const names = alignment.framework === 'digcomp-2.2' ? DIGCOMP_22 : alignment.framework === 'crcn' ? CRCN : {};
    const name = alignment.code ? names[alignment.code] : undefined;
    out.push({
      type: ['Alignment'],
      targetName: alignment.code ? `${known.name} ${alignment.code}${name ? ` ${name}` : ''}` : known.name,
      targetUrl: alignment.uri ?? known.url,
      targetFramework: known.name,
      ...(alignment.code ? { targetCode: alignment.code } : {}),
    });
  }
  return out;
}

function credentialOf(result: AssessmentResult, domain: DomainResult, options: OpenBadgeOptions, validFrom: string): OpenBadgeCredential {
  const { framework } = options;
  const source = framework.domains.find((candidate) => candidate.id === domain.id);
  const achievementId = `urn:jauge:achievement:${framework.id}:${framework.version}:${domain.id}`;
  const descriptionId = `${achievementId}:niveau`;
  const levelId = (level: number) => `${descriptionId}:${level}`;
  const type = options.achievementType ?? 'Assessment';

  // The domain's alignments: every distinct (framework, code) of its competences.
  const seen = new Set<string>();
  const alignment: OpenBadgeAlignment[] = [];
  for (const competence of source?.competences ?? []) {
    for (const entry of alignmentsOf(competence.alignments ?? [])) {
      const key = `${entry.targetFramework}|${entry.targetCode ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      alignment.push(entry);
    }
  }

  const competenceResult = (competence: CompetenceResult): OpenBadgeResult => {
    // First the Jauge competence itself, then the frameworks it is aligned to.
    const own: OpenBadgeAlignment = {
      type: ['Alignment'],
      targetName: competence.title,
      targetUrl: `urn:jauge:competence:${framework.id}:${framework.version}:${competence.id}`,
      targetFramework: `${framework.title} ${framework.version}`,
      targetCode: competence.id,
    };
    const aligned = alignmentsOf(source?.competences.find((c) => c.id === competence.id)?.alignments ?? []);
    return {
      type: ['Result'],
      resultDescription: descriptionId,
      achievedLevel: levelId(competence.level),
      value: levelWithUncertainty(competence.level, competence.levelSe),
      alignment: [own, ...aligned],
    };
  };

  const scope = type === 'Assessment' ? 'auto-positionnement (test adaptatif passé par l’agent, non surveillé) — ce n’est pas une certification' : 'évaluation conduite dans des conditions garanties par l’émetteur';
  const achievement: OpenBadgeAchievement = {
    id: achievementId,
    type: ['Achievement'],
    achievementType: type,
    name: `Positionnement Jauge — ${domain.title}`,
    description: `Niveau estimé (1 à 8, échelle DigComp 2.2) dans le thème « ${domain.title} » du référentiel « ${framework.title} » (${framework.version}). ${source?.description ?? ''}`.trim(),
    criteria: {
      narrative:
        `Résultat d’un ${scope}. Le niveau est estimé par un modèle de réponse à l’item (IRT) à partir des réponses ` +
        `aux questions du thème ; il est donné avec son incertitude (« niveau 4 ± 1 »). « Je ne sais pas » compte comme une réponse incorrecte.`,
    },
    inLanguage: framework.lang,
    alignment,
    resultDescription: [
      {
        id: descriptionId,
        type: ['ResultDescription'],
        name: 'Niveau estimé sur l’échelle 1 à 8 de DigComp 2.2',
        resultType: 'RubricCriterionLevel',
        rubricCriterionLevel: framework.levels.map((level) => ({
          id: levelId(level.level),
          type: ['RubricCriterionLevel'] as ['RubricCriterionLevel'],
          name: level.title,
          ...(level.description ? { description: level.description } : {}),
          level: String(level.level),
        })),
      },
    ],
  };
  const results: OpenBadgeResult[] = [
    { type: ['Result'], resultDescription: descriptionId, achievedLevel: levelId(domain.level), value: levelWithUncertainty(domain.level, domain.levelSe) },
    ...result.competences.filter((competence) => competence.domain === domain.id).map(competenceResult),
  ];
  const id =
    options.id ??
    `urn:jauge:credential:${fnv1a([options.issuer.id, options.recipient.id, validFrom, achievementId, domain.theta, domain.se].join('|'))}${fnv1a([options.recipient.id, domain.id, validFrom].join('#'))}`;
  return {
    '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${achievement.name} : ${levelWithUncertainty(domain.level, domain.levelSe)}`,
    issuer: { id: options.issuer.id, type: ['Profile'], name: options.issuer.name, ...(options.issuer.url ? { url: options.issuer.url } : {}) },
    validFrom,
    credentialSubject: { id: options.recipient.id, type: ['AchievementSubject'], achievement, result: results },
  };
}
