import { describe, expect, it } from 'vitest';
import { miniItemBank } from '../../test/mini-content.js';
import { JaugeValidationError } from '../errors.js';
import { createAnswerCollector, parseAnswers } from './answer-collector.js';

const bank = miniItemBank(); // scored items q1 … q4, self-rating auto-alpha

describe('parseAnswers', () => {
  it('keeps good lines, and reports each bad line with its number and path, leaving it out whole', () => {
    const text = [
      '{"agent":"a1","group":"A","responses":[{"item":"q1","correct":true},{"item":"q2","correct":false}]}',
      '',
      '{"agent":"a2","responses":[{"item":"q1","correct":true},{"item":"q9","correct":true},{"item":"q3","correct":"yes"}]}',
      'not json',
      '{"agent":"a1","responses":[]}',
      '{"agent":"a3","group":"B","responses":[{"item":"q4","correct":false},{"item":"q4","correct":true}]}',
      '{"agent":"a4","responses":[{"item":"auto-alpha","correct":true}]}',
      '[1, 2]',
      '{"agent":"","responses":{"item":"q1"}}',
      '{"agent":"a5","group":"B","responses":[{"item":"q3","correct":true},{"item":"q4","correct":false,"seconds":12}]}',
    ].join('\n');
    const data = parseAnswers(text, bank);
    expect(data.agents).toBe(2);
    expect(data.itemIds).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(data.groups).toEqual(['A', 'B']);
    expect([...data.group]).toEqual([0, 1]);
    expect([...data.start]).toEqual([0, 2, 4]);
    expect([...data.item]).toEqual([0, 1, 2, 3]);
    expect([...data.correct]).toEqual([1, 0, 1, 0]);
    expect(data.rejectedRecords).toBe(7);
    expect(data.rejected).toEqual([
      { path: 'line 3: responses[1].item', message: 'expected the id of a scored item of bank "mini-bank", found "q9"' },
      { path: 'line 3: responses[2].correct', message: 'expected true or false (a skip is false), found "yes"' },
      { path: 'line 4', message: expect.stringMatching(/^expected one JSON object, found text that does not parse \(/) },
      { path: 'line 5: agent', message: 'expected each agent once, found "a1" again (first at line 1)' },
      { path: 'line 6: responses[1].item', message: 'expected each item once per agent, found "q4" again (first at responses[0])' },
      { path: 'line 7: responses[0].item', message: 'expected a scored item, found the self-rating item "auto-alpha" (not calibrated)' },
      { path: 'line 8', message: 'expected an object { agent, group?, responses }, found an array' },
      { path: 'line 9: agent', message: 'expected a pseudonymous id (a non-empty string of at most 200 characters), found ""' },
      { path: 'line 9: responses', message: 'expected an array of { item, correct }, found an object' },
    ]);
  });

  it('accepts CRLF line ends, a byte-order mark and a final newline', () => {
    const data = parseAnswers('\uFEFF{"agent":"a","responses":[{"item":"q2","correct":true}]}\r\n{"agent":"b","responses":[]}\r\n', bank);
    expect(data.agents).toBe(2);
    expect(data.rejected).toEqual([]);
    expect([...data.start]).toEqual([0, 1, 1]);
  });

  it('throws a JaugeValidationError listing why when no line can be kept', () => {
    const run = () => parseAnswers('{"agent":"a","responses":[{"item":"zz","correct":true}]}\n{}', bank);
    expect(run).toThrow(JaugeValidationError);
    try {
      run();
    } catch (error) {
      expect((error as JaugeValidationError).issues).toEqual([
        { path: 'line 1: responses[0].item', message: 'expected the id of a scored item of bank "mini-bank", found "zz"' },
        { path: 'line 2: agent', message: 'expected a pseudonymous id (a non-empty string of at most 200 characters), found nothing' },
        { path: 'line 2: responses', message: 'expected an array of { item, correct }, found nothing' },
      ]);
    }
    expect(() => parseAnswers('\n\n', bank)).toThrow(/expected at least one answer record, found none/);
  });
});

describe('createAnswerCollector', () => {
  it('takes parsed records with their own location prefix, and plain lists of item ids', () => {
    const collector = createAnswerCollector(['x', 'y']);
    expect(collector.addRecord({ agent: 'a', responses: [{ item: 'y', correct: true }] }, 'records[0]')).toBe(true);
    expect(collector.addRecord({ agent: 'b', group: 3, responses: [{ item: 'x' }] }, 'records[1]')).toBe(false);
    expect(collector.agents).toBe(1);
    expect(collector.rejectedRecords).toBe(1);
    const data = collector.finish();
    expect(data.rejected).toEqual([
      { path: 'records[1].group', message: 'expected a group label (a non-empty string of at most 200 characters) or no group, found 3' },
      { path: 'records[1].responses[0].correct', message: 'expected true or false (a skip is false), found nothing' },
    ]);
    expect([...data.item]).toEqual([1]);
    expect([...data.group]).toEqual([-1]);
  });

  it('keeps the first 1,000 issues but counts every rejected record', () => {
    const collector = createAnswerCollector(['x']);
    for (let n = 1; n <= 1500; n++) collector.addLine('{', n);
    collector.addLine('{"agent":"ok","responses":[]}', 1501);
    const data = collector.finish();
    expect(data.rejectedRecords).toBe(1500);
    expect(data.rejected).toHaveLength(1000);
  });
});
