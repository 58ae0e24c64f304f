import { JaugeValidationError, type ValidationIssue } from '../errors.js';
import type { CompetenceMap } from './competence-map.js';
import { addMapToState, buildCompetenceMap, MapState } from './map-state.js';

/**
 * Merges two raw competence maps (aggregated separately, e.g. one per shard, day or site) into the
 * map of their union. Exact: every merged statistic is an integer sum and every mean is recomputed
 * from the sums, so the merge is associative and commutative and merging shards gives a map deeply
 * equal to the one pass over all results. A map of no result (`framework: null`) is its identity.
 * Publish the merged map with {@link publishCompetenceMap}. For many maps at once,
 * {@link mergeAllCompetenceMaps} gives the same result built once.
 *
 * @example
 * ```ts
 * import { aggregateResults, mergeCompetenceMaps, publishCompetenceMap, type GroupedResult } from '@jauge/core';
 * declare const files: string[];
 * declare function read(file: string): AsyncIterable<GroupedResult>;
 * const groupBy = ['direction', 'service'];
 * const shards = await Promise.all(files.map((file) => aggregateResults(read(file), { groupBy, minGroupSize: 1 })));
 * const published = publishCompetenceMap(shards.reduce(mergeCompetenceMaps), { minGroupSize: 5 });
 * ```
 * @throws {@link JaugeValidationError} if a map is published (suppressed values are gone), or the
 * maps differ in framework or `groupBy`.
 */
export function mergeCompetenceMaps(a: CompetenceMap, b: CompetenceMap): CompetenceMap {
  return mergeAllCompetenceMaps([a, b])!;
}

/**
 * Merges any number of raw maps at once: the same map as folding them with
 * {@link mergeCompetenceMaps} in any order, built in one pass (cheaper for hundreds of shards).
 * An empty list gives `undefined`.
 *
 * @throws {@link JaugeValidationError} as {@link mergeCompetenceMaps}, with the index of the map at fault.
 */
export function mergeAllCompetenceMaps(maps: readonly CompetenceMap[]): CompetenceMap | undefined {
  const a = maps[0];
  if (a === undefined) return undefined;
  const issues: ValidationIssue[] = [];
  maps.forEach((map, i) => {
    if (map?.format !== 'jauge-competence-map' || map.version !== 1) {
      issues.push({ path: `[${i}]`, message: 'expected a competence map (format "jauge-competence-map", version 1)' });
    } else if (map.minGroupSize !== 1) {
      issues.push({
        path: `[${i}].minGroupSize`,
        message: `expected a raw map (minGroupSize 1), found a published one (minGroupSize ${map.minGroupSize}): aggregate shards with minGroupSize 1, merge, then publish`,
      });
    }
  });
  if (issues.length === 0) {
    const framework = maps.find((map) => map.framework)?.framework;
    maps.forEach((map, i) => {
      if (i === 0) return;
      if (JSON.stringify(map?.groupBy) !== JSON.stringify(a.groupBy)) {
        issues.push({ path: `[${i}].groupBy`, message: `expected the same groupBy as the first map (${JSON.stringify(a.groupBy)}), found ${JSON.stringify(map.groupBy)}` });
      }
    });
    maps.forEach((map, i) => {
      if (framework && map.framework && (map.framework.id !== framework.id || map.framework.version !== framework.version)) {
        issues.push({
          path: `[${i}].framework`,
          message: `expected framework "${framework.id}" ${framework.version} as in the first map that has one, found "${map.framework.id}" ${map.framework.version}`,
        });
      }
    });
  }
  if (issues.length > 0) throw new JaugeValidationError('competence maps to merge', issues);
  const state = new MapState(a.groupBy);
  state.framework = maps.find((map) => map.framework)?.framework ?? null;
  for (const map of maps) addMapToState(state, map);
  return buildCompetenceMap(state);
}
