import type { Catalogue, Framework, ItemBank, Rules, Stages, TargetProfiles } from '@jauge/core/engine';

/** Everything an assessment element runs on. */
export interface AssessmentContent {
  framework: Framework;
  items: ItemBank;
  catalogue?: Catalogue;
  rules?: Rules;
  profiles?: TargetProfiles;
  stages?: Stages;
}

/** Content given by the host through properties (any of them may be missing). */
export interface HostContent {
  framework?: unknown;
  items?: unknown;
  catalogue?: unknown;
  rules?: unknown;
  profiles?: unknown;
  stages?: unknown;
}

/**
 * Resolves the content: the host's, validated (nothing the host gives is trusted: it is parsed
 * with the same schemas as any file), completed by the shipped reference content, which is loaded
 * on demand (its own file in the CDN build) only when something is missing.
 */
export async function resolveContent(host: HostContent): Promise<AssessmentContent> {
  const needsReference = host.framework === undefined || host.items === undefined || host.stages === undefined || host.catalogue === undefined;
  const reference = needsReference ? await import('@jauge/core/reference') : undefined;
  const suppliesContent = Object.values(host).some((value) => value !== undefined);
  // The validators (zod schemas of every content type) are loaded only when the host supplies content.
  const { parseCatalogue, parseFramework, parseItemBank, parseRules, parseStages, parseTargetProfiles } = suppliesContent
    ? await import('./parsers.js')
    : ({} as typeof import('./parsers.js'));
  const framework = host.framework !== undefined ? parseFramework(host.framework) : reference!.framework;
  const items = host.items !== undefined ? parseItemBank(host.items, framework) : reference!.items;
  const usingReferenceFramework = reference !== undefined && framework === reference.framework;
  const content: AssessmentContent = { framework, items };
  if (host.catalogue !== undefined) content.catalogue = parseCatalogue(host.catalogue, framework);
  else if (usingReferenceFramework) content.catalogue = reference.catalogue;
  if (host.stages !== undefined) content.stages = parseStages(host.stages, framework);
  else if (usingReferenceFramework) content.stages = reference.stages;
  if (host.profiles !== undefined) content.profiles = parseTargetProfiles(host.profiles, framework);
  else if (usingReferenceFramework) content.profiles = reference.profiles;
  if (host.rules !== undefined) {
    if (!content.catalogue) throw new TypeError('Recommendation rules need a catalogue: set the `catalogue` property too.');
    content.rules = parseRules(host.rules, { framework, catalogue: content.catalogue, ...(content.profiles ? { profiles: content.profiles } : {}) });
  } else if (usingReferenceFramework && content.catalogue === reference.catalogue) content.rules = reference.rules;
  return content;
}
