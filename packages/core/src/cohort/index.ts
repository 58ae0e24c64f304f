// Cohort aggregation: many results into a competence map (mergeable, with small-group and
// complementary suppression), a training-needs plan, CSV / JSON exports and imports, and xAPI
// statements for aggregation in a Learning Record Store.
export { aggregateResults, createCohortAggregator, MAX_REPORTED_ISSUES } from './aggregate-results.js';
export type { AggregateOptions, CohortAggregator } from './aggregate-results.js';
export { mergeAllCompetenceMaps, mergeCompetenceMaps } from './merge-competence-maps.js';
export { publishCompetenceMap } from './publish-competence-map.js';
export type { PublishOptions } from './publish-competence-map.js';
export { parseCompetenceMap } from './parse-competence-map.js';
export { CompetenceMapSchema, CellStatsSchema, SuppressedCellSchema, MapRowSchema } from './competence-map.schema.js';
export { LEVEL_COUNT, SE_SQ_SCALE } from './competence-map.js';
export type {
  CellStats,
  CompetenceMap,
  MapCell,
  MapRow,
  PublishedRow,
  SuppressedCell,
  SuppressedRow,
  SuppressionReason,
  SuppressionSummary,
  TrainingCount,
} from './competence-map.js';
export { summarizeResult, isIdentifierField, MAX_LEVEL_SE, MAX_GROUP_VALUE_LENGTH } from './grouped-result.js';
export type { GroupedResult, LevelSummary, ResultSummary } from './grouped-result.js';
export { planTrainings } from './training-plan.js';
export type { PlannedTraining, TrainingPlan, TrainingPlanGroup, TrainingPlanOptions } from './training-plan.js';
export { competenceMapToCsv, trainingPlanToCsv } from './export-csv.js';
export { writeCsv, formatCsvCell, parseCsv, createCsvParser } from './csv.js';
export type { CsvValue, CsvWriteOptions, CsvParseOptions, CsvParser, CsvRecord, CsvError } from './csv.js';
export { importResults, readResults } from './import-results.js';
export type { ImportOptions, ImportError, ImportResult } from './import-results.js';
export { resultsToCsv } from './results-csv.js';
export type { ResultsCsvOptions } from './results-csv.js';
export { toXapiStatement, fromXapiStatement, XAPI_EXTENSIONS, XAPI_COMPLETED } from './xapi.js';
export type { XapiActor, XapiStatement, ToXapiOptions } from './xapi.js';
