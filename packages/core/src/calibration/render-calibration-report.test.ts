import { describe, expect, it } from 'vitest';
import { simulateAnswers } from '../../test/fixtures/calibration/simulate-answers.js';
import { syntheticContent } from '../../test/synthetic-bank.js';
import type { ScoredItem } from '../framework/item-bank.schema.js';
import { createAnswerCollector } from './answer-collector.js';
import { calibrateItemBank } from './calibrate-item-bank.js';
import { renderCalibrationReport } from './render-calibration-report.js';

describe('renderCalibrationReport', () => {
  const { framework, items } = syntheticContent({ domains: 1, itemsPerDomain: 20, seed: 4 });
  const { records } = simulateAnswers({
    items: items.items.map((item) => ({ id: item.id, irt: item.id === 'd0-q4' ? { a: -1.5, b: 0 } : (item as ScoredItem).irt })),
    agents: 2000,
    seed: 6,
    testLength: 10,
    design: 'random',
    groups: { reference: 'Siège | Paris', focal: 'Régions', focalShare: 0.5, focalMean: 0 },
  });
  const collector = createAnswerCollector(items);
  records.forEach((record, n) => collector.addRecord(record, `records[${n}]`));
  collector.addLine('{"agent":"x"}', 2001);
  const { report } = calibrateItemBank(collector.finish(), { bank: items, framework, date: '2027-03-15' });
  const markdown = renderCalibrationReport(report);

  it('lists the answers used, the scales with their linking constants, and the records left out', () => {
    expect(markdown).toMatch(/^# Calibration report — banque-synthetique 1\.0\.0\n/);
    expect(markdown).toContain('- Answers: 20,000 from 2,000 agents; 1 record(s) left out');
    expect(markdown).toContain('- `line 2001: responses`: expected an array of { item, correct }, found nothing');
    const scale = report.dimensions[0]!;
    expect(markdown).toContain(`| d0 | 2,000 | ${scale.patterns.toLocaleString('en-US')} | 20 | yes | ${scale.convergence.iterations} | ${scale.rounds} |`);
    expect(markdown).toContain(`| stocking-lord | 20 | ${scale.linking.A.toFixed(4)} | ${scale.linking.B.toFixed(4)} |`);
  });

  it('puts the flagged item first with its reason, and escapes group labels', () => {
    const flagged = markdown.slice(markdown.indexOf('## Flagged items'), markdown.indexOf('## All items'));
    expect(flagged).toMatch(/\| d0-q4 \| d0 \| yes \| [\d,]+ \|[^\n]*negative-discrimination/);
    expect(flagged.match(/^\| d0-q\d+ /gm)).toHaveLength(report.summary.flagged);
    expect(markdown).toContain('| `negative-discrimination` | 1 | stronger agents fail it more often: check the key and the wording |');
    expect(markdown).toContain('reference group "Siège \\| Paris", focal group "Régions"');
    expect(markdown).toContain('| d0 | Siège \\| Paris |');
    expect(markdown.match(/^\| d0-q\d+ /gm)!.length).toBe(20 + report.summary.flagged);
  });
});
