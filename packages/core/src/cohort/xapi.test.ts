import { describe, expect, it } from 'vitest';
import { miniFramework } from '../../test/mini-content.js';
import { JaugeValidationError } from '../errors.js';
import { aggregateResults } from './aggregate-results.js';
import type { GroupedResult } from './grouped-result.js';
import { resultWithLevels } from './testing/synthetic-results.js';
import { fromXapiStatement, toXapiStatement, XAPI_COMPLETED, XAPI_EXTENSIONS } from './xapi.js';

const framework = miniFramework();

describe('xAPI statements', () => {
  const records: GroupedResult[] = Array.from({ length: 6 }, (_, i) => ({
    result: resultWithLevels(framework, { domains: { alpha: 1 + i } }),
    group: { direction: 'DNUM', service: 'Pôle data' },
    trainings: ['mooc-ia'],
  }));
  const statements = records.map((record, i) =>
    toXapiStatement(record, { actor: { account: { homePage: 'https://intranet.example.gouv.fr', name: `pseudo-${i}-7f3a` } }, activityId: 'https://intranet.example.gouv.fr/jauge/campagne-2026' }),
  );

  it('carries the minimal result, the groups and the trainings, under Jauge extensions', () => {
    const statement = statements[0]!;
    expect(statement.verb.id).toBe(XAPI_COMPLETED);
    expect(statement.result.extensions[XAPI_EXTENSIONS.result]).toEqual(records[0]!.result);
    expect(statement.context.extensions[XAPI_EXTENSIONS.group]).toEqual({ direction: 'DNUM', service: 'Pôle data' });
    expect(statement.result.extensions[XAPI_EXTENSIONS.trainings]).toEqual(['mooc-ia']);
    expect(JSON.parse(JSON.stringify(statement))).toEqual(statement);
  });

  it('aggregates statements read back into the same map as the records, with no actor in it', () => {
    const fromLrs = JSON.parse(JSON.stringify(statements)) as unknown[];
    const map = aggregateResults(fromLrs.map(fromXapiStatement), { groupBy: ['direction', 'service'] });
    expect(map).toEqual(aggregateResults(records, { groupBy: ['direction', 'service'] }));
    expect(JSON.stringify(map)).not.toMatch(/pseudo-|intranet\.example/);
  });

  it('refuses a statement without the Jauge extensions', () => {
    expect(() => fromXapiStatement({ actor: {}, verb: { id: XAPI_COMPLETED } })).toThrow(JaugeValidationError);
  });
});
