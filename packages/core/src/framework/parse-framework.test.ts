import { describe, expect, it } from 'vitest';
import { clone, miniFramework } from '../../test/mini-content.js';
import { JaugeValidationError } from '../errors.js';
import { parseFramework } from './parse-framework.js';

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseFramework(input);
  } catch (error) {
    expect(error).toBeInstanceOf(JaugeValidationError);
    return (error as JaugeValidationError).issues;
  }
  throw new Error('expected parseFramework to throw');
}

describe('parseFramework', () => {
  it('accepts a valid framework, as an object or as JSON text, unchanged', () => {
    const framework = miniFramework();
    expect(parseFramework(framework)).toEqual(framework);
    expect(parseFramework(JSON.stringify(framework))).toEqual(framework);
  });

  it('reports a missing field, a wrong type and a level out of range, all at once, with paths', () => {
    const broken = clone(miniFramework()) as unknown as Record<string, unknown> & { domains: { competences: { topics: { skills: { level: unknown; title: unknown }[] }[] }[] }[] };
    delete broken.title;
    broken.version = 1;
    broken.domains[0]!.competences[0]!.topics[0]!.skills[2]!.level = 9;
    broken.domains[1]!.competences[0]!.topics[0]!.skills[0]!.title = 42;
    expect(issuesOf(broken)).toEqual([
      { path: 'version', message: 'expected string, found the number 1' },
      { path: 'title', message: 'expected string, found nothing (the field is missing)' },
      { path: 'domains[0].competences[0].topics[0].skills[2].level', message: 'expected at most 8, found the number 9' },
      { path: 'domains[1].competences[0].topics[0].skills[0].title', message: 'expected string, found the number 42' },
    ]);
  });

  it('reports duplicate ids across the tree, levels out of order and decreasing cut points', () => {
    const broken = clone(miniFramework());
    broken.domains[1]!.competences[0]!.id = 'alpha.c1';
    broken.domains[0]!.competences[1]!.topics[0]!.skills[1]!.level = 1;
    broken.levels[2]!.band = 'avance';
    broken.cutPoints[3] = 0;
    expect(issuesOf(broken)).toEqual([
      { path: 'levels[2].band', message: 'expected band "intermediaire" for level 3, found "avance"' },
      { path: 'cutPoints[3]', message: 'expected a value greater than cutPoints[2] (0.5), found 0' },
      { path: 'domains[0].competences[1].topics[0].skills[1].level', message: 'expected one skill per level in a topic, found level 1 again (also skills[0])' },
      { path: 'domains[1].competences[0].id', message: 'duplicate framework node id "alpha.c1" (first used at domains[0].competences[0].id)' },
    ]);
  });

  it('refuses unknown fields (typos) and ids with forbidden characters', () => {
    const broken = clone(miniFramework()) as unknown as Record<string, unknown> & { domains: { id: string }[] };
    broken.titre = 'typo';
    broken.domains[0]!.id = 'Alpha <script>';
    expect(issuesOf(broken)).toEqual([
      { path: 'domains[0].id', message: 'expected an id of lower-case letters, digits, "-" and "." (e.g. "cybersecurite.hameconnage"), found the string "Alpha <script>"' },
      { path: '', message: 'unknown field "titre" (check the spelling; custom data goes in "extensions")' },
    ]);
  });

  it('refuses non-JSON text, JSON of the wrong kind and oversized text with one clear issue', () => {
    expect(issuesOf('{ "id": ')[0]!.message).toMatch(/^expected JSON, found text that does not parse \(/);
    expect(issuesOf('[1, 2]')).toEqual([{ path: '', message: 'expected object, found an array of 2 elements' }]);
    expect(issuesOf(null)).toEqual([{ path: '', message: 'expected object, found null' }]);
    expect(issuesOf('x'.repeat(21 * 1024 * 1024))).toEqual([{ path: '', message: 'expected at most 20 MB of JSON, found 21.0 MB' }]);
  });

  it('keeps markup in content as plain text (never interprets it)', () => {
    const framework = miniFramework();
    framework.title = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    expect(parseFramework(framework).title).toBe('<img src=x onerror="alert(1)"><script>alert(2)</script>');
  });
});
