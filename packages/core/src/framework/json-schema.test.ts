import { describe, expect, it } from 'vitest';
import { contentJsonSchema } from './json-schema.js';

describe('contentJsonSchema', () => {
  it('describes each content kind for editors, with the same constraints as the parsers', () => {
    const bank = contentJsonSchema('item-bank') as { properties: Record<string, { items?: { oneOf?: unknown[]; anyOf?: unknown[] } }>; required: string[] };
    expect(bank.required).toEqual(expect.arrayContaining(['id', 'version', 'lang', 'framework', 'items']));
    const variants = bank.properties.items!.items!.oneOf ?? bank.properties.items!.items!.anyOf;
    expect(variants).toHaveLength(5);
    const framework = contentJsonSchema('framework') as { properties: { cutPoints: { minItems: number; maxItems: number }; levels: { minItems: number } } };
    expect(framework.properties.cutPoints.minItems).toBe(7);
    expect(framework.properties.cutPoints.maxItems).toBe(7);
    const text = JSON.stringify(contentJsonSchema('catalogue'));
    expect(text).toContain('"pattern"');
    for (const kind of ['target-profile', 'target-profiles', 'rules', 'stages'] as const) expect(contentJsonSchema(kind).type).toBe('object');
  });
});
