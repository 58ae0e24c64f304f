import type { Stage, Stages } from '../framework/rules.schema.js';
import type { AssessmentResult } from '../scoring/result.js';

/** A stage reached by a result: the overall one, or a domain's. */
export interface ReachedStage {
  scope: 'overall' | 'domain';
  /** The domain, for a domain stage. */
  domain?: string;
  stage: Stage;
}

/**
 * The stages ("paliers") a result reaches: for the overall level and for each domain, the stage of
 * highest `minLevel` not above the reported level (a domain-specific stage wins over a generic one
 * at the same level).
 */
export function reachedStages(result: AssessmentResult, stages: Stages): ReachedStage[] {
  const pick = (scope: 'overall' | 'domain', level: number, domain?: string): Stage | undefined => {
    let best: Stage | undefined;
    for (const stage of stages.stages) {
      if (stage.scope !== scope || stage.minLevel > level) continue;
      if (stage.domain !== undefined && stage.domain !== domain) continue;
      if (!best || stage.minLevel > best.minLevel || (stage.minLevel === best.minLevel && stage.domain !== undefined)) best = stage;
    }
    return best;
  };
  const out: ReachedStage[] = [];
  const overall = pick('overall', result.overall.level);
  if (overall) out.push({ scope: 'overall', stage: overall });
  for (const domain of result.domains) {
    const stage = pick('domain', domain.level, domain.id);
    if (stage) out.push({ scope: 'domain', domain: domain.id, stage });
  }
  return out;
}
