import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import type { Catalogue } from '../framework/catalogue.schema.js';
import { indexFramework } from '../framework/framework-index.js';
import type { Framework } from '../framework/framework.schema.js';
import type { ItemBank } from '../framework/item-bank.schema.js';
import { parseCatalogue } from '../framework/parse-catalogue.js';
import { parseFramework } from '../framework/parse-framework.js';
import { parseItemBank } from '../framework/parse-item-bank.js';
import { parseRules, parseStages } from '../framework/parse-rules.js';
import { parseTargetProfile, parseTargetProfiles } from '../framework/parse-target-profile.js';
import type { TargetProfiles } from '../framework/target-profile.schema.js';
import { readJson } from '../framework/validate.js';

/** A content file given to the validator. */
export interface ContentFile {
  name: string;
  text: string;
}

/** What the validator found in one file. */
export interface FileReport {
  name: string;
  kind: string;
  issues: ValidationIssue[];
  summary?: string;
}

/** The validator's full report. */
export interface ValidationReport {
  files: FileReport[];
  /** Lines of the content summary (counts per domain, level and type; gaps). */
  summary: string[];
  ok: boolean;
}

type Kind = 'framework' | 'item bank' | 'catalogue' | 'target profiles' | 'target profile' | 'rules' | 'stages';

function kindOf(value: unknown): Kind | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = new Set(Object.keys(value));
  if (keys.has('domains')) return 'framework';
  if (keys.has('items')) return 'item bank';
  if (keys.has('trainings')) return 'catalogue';
  if (keys.has('profiles')) return 'target profiles';
  if (keys.has('requirements')) return 'target profile';
  if (keys.has('rules')) return 'rules';
  if (keys.has('stages')) return 'stages';
  return undefined;
}

const ORDER: Kind[] = ['framework', 'catalogue', 'target profiles', 'target profile', 'item bank', 'rules', 'stages'];

/**
 * Validates content files together (the framework first, then what refers to it), the engine of
 * `jauge validate`. Files that refer to a framework (item banks, catalogues, profiles, rules,
 * stages) are checked against the framework among the files, or against `fallback` when none is
 * given (the shipped reference framework for the CLI).
 */
export function validateFiles(files: ContentFile[], fallback?: { framework: Framework; catalogue?: Catalogue; profiles?: TargetProfiles }): ValidationReport {
  const reports: FileReport[] = [];
  const parsed: { name: string; kind: Kind; value: unknown }[] = [];
  for (const file of files) {
    try {
      const value = readJson(file.text, file.name);
      const kind = kindOf(value);
      if (!kind) {
        reports.push({ name: file.name, kind: 'unknown', issues: [{ path: '', message: 'expected a Jauge content file (an object with "domains", "items", "trainings", "profiles", "requirements", "rules" or "stages"), found none of these fields' }] });
      } else parsed.push({ name: file.name, kind, value });
    } catch (error) {
      reports.push({ name: file.name, kind: 'unknown', issues: error instanceof JaugeValidationError ? error.issues : [{ path: '', message: String(error) }] });
    }
  }
  parsed.sort((x, y) => ORDER.indexOf(x.kind) - ORDER.indexOf(y.kind));
  let framework = fallback?.framework;
  let catalogue = fallback?.catalogue;
  let profiles = fallback?.profiles;
  const banks: ItemBank[] = [];
  for (const { name, kind, value } of parsed) {
    const report: FileReport = { name, kind, issues: [] };
    reports.push(report);
    try {
      if (kind === 'framework') {
        framework = parseFramework(value);
        const index = indexFramework(framework);
        report.summary = `${framework.domains.length} domains, ${index.competences.size} competences, ${index.topics.size} topics, ${index.skills.size} skills`;
        continue;
      }
      if (!framework) {
        report.issues.push({ path: '', message: `expected a framework to check this ${kind} against (give the framework file too), found none` });
        continue;
      }
      if (kind === 'item bank') {
        const bank = parseItemBank(value, framework);
        banks.push(bank);
        report.summary = `${bank.items.length} items`;
      } else if (kind === 'catalogue') {
        catalogue = parseCatalogue(value, framework);
        report.summary = `${catalogue.trainings.length} trainings`;
      } else if (kind === 'target profiles') {
        profiles = parseTargetProfiles(value, framework);
        report.summary = `${profiles.profiles.length} profiles`;
      } else if (kind === 'target profile') {
        parseTargetProfile(value, framework);
      } else if (kind === 'rules') {
        if (!catalogue) report.issues.push({ path: '', message: 'expected a catalogue to check these rules against (give the catalogue file too), found none' });
        else report.summary = `${parseRules(value, { framework, catalogue, ...(profiles ? { profiles } : {}) }).rules.length} rules`;
      } else if (kind === 'stages') {
        report.summary = `${parseStages(value, framework).stages.length} stages`;
      }
    } catch (error) {
      if (error instanceof JaugeValidationError) report.issues.push(...error.issues);
      else throw error;
    }
  }
  const summary = framework && banks.length > 0 ? contentSummary(framework, banks) : [];
  reports.sort((x, y) => files.findIndex((f) => f.name === x.name) - files.findIndex((f) => f.name === y.name));
  return { files: reports, summary, ok: reports.every((report) => report.issues.length === 0) };
}

/** Counts per domain × level and per type, items without sources, skills without items. */
export function contentSummary(framework: Framework, banks: ItemBank[]): string[] {
  const index = indexFramework(framework);
  const items = banks.flatMap((bank) => bank.items);
  const lines: string[] = [];
  const levels = [1, 2, 3, 4, 5, 6, 7, 8];
  lines.push(`Items per domain and level:`);
  lines.push(`  ${'domain'.padEnd(28)} ${levels.map((l) => `L${l}`.padStart(4)).join('')}  total`);
  for (const domain of framework.domains) {
    const counts = levels.map((level) => items.filter((item) => item.type !== 'self-rating' && item.level === level && index.skills.get(item.skill)?.domain.id === domain.id).length);
    lines.push(`  ${domain.id.padEnd(28)} ${counts.map((c) => String(c).padStart(4)).join('')}  ${String(counts.reduce((a, b) => a + b, 0)).padStart(5)}`);
  }
  const types = new Map<string, number>();
  for (const item of items) types.set(item.type, (types.get(item.type) ?? 0) + 1);
  lines.push(`Items per type: ${[...types].map(([type, n]) => `${type} ${n}`).join(', ')}`);
  const statuses = new Map<string, number>();
  for (const item of items) statuses.set(item.status, (statuses.get(item.status) ?? 0) + 1);
  lines.push(`Items per status: ${[...statuses].map(([status, n]) => `${status} ${n}`).join(', ')}`);
  const withoutSources = items.filter((item) => item.type !== 'self-rating' && !(item.sources && item.sources.length > 0)).map((item) => item.id);
  lines.push(`Items without sources: ${withoutSources.length === 0 ? 'none' : withoutSources.join(', ')}`);
  const used = new Set(items.flatMap((item) => (item.type === 'self-rating' ? [] : [item.skill])));
  const orphan = [...index.skills.keys()].filter((id) => !used.has(id));
  lines.push(`Skills without items: ${orphan.length === 0 ? 'none' : `${orphan.length} (${orphan.slice(0, 10).join(', ')}${orphan.length > 10 ? ', …' : ''})`}`);
  return lines;
}
