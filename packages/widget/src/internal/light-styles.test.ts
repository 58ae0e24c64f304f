import { css } from 'lit';
import { describe, expect, it } from 'vitest';
import { adoptScopedStyles, scopeCss } from './light-styles.js';

describe('scopeCss', () => {
  it('turns :host into the scope and nests every other selector under it, in @media too', () => {
    const scoped = scopeCss(
      `:host { display: block; }
       :host([theme='dsfr']) { --a: 1; }
       /* a comment { with braces } */
       *, *::before { box-sizing: border-box; }
       button:focus:not(:focus-visible), a:focus { outline: none; }
       @media print { :host { max-width: none; } .actions, .progress { display: none !important; } }`,
      'jauge-assessment[light-dom]',
    );
    expect(scoped.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual([
      'jauge-assessment[light-dom] { display: block; }',
      "jauge-assessment[light-dom][theme='dsfr'] { --a: 1; }",
      'jauge-assessment[light-dom] *, jauge-assessment[light-dom] *::before { box-sizing: border-box; }',
      'jauge-assessment[light-dom] button:focus:not(:focus-visible), jauge-assessment[light-dom] a:focus { outline: none; }',
      '@media print {',
      'jauge-assessment[light-dom] { max-width: none; }',
      'jauge-assessment[light-dom] .actions, jauge-assessment[light-dom] .progress { display: none !important; }',
      '}',
    ]);
  });

  it('adds the scoped sheet to the document once, whatever the number of elements', () => {
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    const before = document.adoptedStyleSheets.length;
    adoptScopedStyles(a, css`.x { color: red; }`, 'x-test');
    adoptScopedStyles(b, css`.x { color: red; }`, 'x-test');
    expect(document.adoptedStyleSheets.length).toBe(before + 1);
  });
});
