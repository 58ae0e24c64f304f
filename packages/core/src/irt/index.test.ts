import { describe, expect, it } from 'vitest';
import * as irt from './index.js';

describe('irt public API', () => {
  it('exports the contract names of DESIGN.md and the posterior grid used by the engine', () => {
    for (const name of [
      'probability',
      'itemInformation',
      'testInformation',
      'informationAt',
      'logLikelihood',
      'logLikelihoodDerivatives',
      'estimateAbility',
      'createPosteriorGrid',
      'updatePosterior',
      'posteriorSummary',
      'posteriorEdgeWeight',
      'clonePosteriorGrid',
      'assertItemParams',
    ] as const) {
      expect(typeof irt[name], name).toBe('function');
    }
  });

  it('keeps internals private', () => {
    expect(Object.keys(irt)).not.toContain('logProbability');
    expect(Object.keys(irt)).not.toContain('findMaximum');
  });
});
