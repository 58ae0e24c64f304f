import { describe, expect, it } from 'vitest';
import { isoDuration, readCmi5Launch } from './connect-cmi5.js';

const actor = JSON.stringify({ objectType: 'Agent', name: 'Camille Martin', account: { homePage: 'https://mentor.example.gouv.fr', name: 'a7f3' } });
const url = (params: Record<string, string>) => `https://intranet.example.gouv.fr/jauge/au.html?${new URLSearchParams(params)}`;
const good = { endpoint: 'https://lrs.example.gouv.fr/xAPI/', fetch: 'https://mentor.example.gouv.fr/cmi5/fetch/xyz', actor, registration: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f', activityId: 'https://mentor.example.gouv.fr/au/jauge' };

describe('readCmi5Launch', () => {
  it('reads the five launch parameters and keeps only the account of the actor', () => {
    expect(readCmi5Launch(url(good))).toEqual({
      issues: [],
      launch: { ...good, actor: { objectType: 'Agent', account: { homePage: 'https://mentor.example.gouv.fr', name: 'a7f3' } } },
    });
  });

  it('says what is missing or malformed when the page was not launched by a cmi5 LMS', () => {
    expect(readCmi5Launch('https://intranet.example.gouv.fr/jauge/au.html').issues.map((i) => i.path)).toEqual(['launch.endpoint', 'launch.fetch', 'launch.registration', 'launch.activityId', 'launch.actor']);
    expect(readCmi5Launch(url({ ...good, actor: '{"mbox":"mailto:camille@example.gouv.fr"}', endpoint: 'javascript:alert(1)' })).issues).toEqual([
      { path: 'launch.endpoint', message: 'expected the LRS\'s http(s) URL, found "javascript:alert(1)"' },
      { path: 'launch.actor', message: 'expected an Agent with an account { homePage, name }, found "{\\"mbox\\":\\"mailto:camille@example.gouv.fr\\"}"' },
    ]);
    expect(readCmi5Launch(url({ ...good, actor: 'not json' })).issues).toHaveLength(1);
  });
});

describe('isoDuration', () => {
  it('writes seconds to the hundredth', () => {
    expect(isoDuration(0)).toBe('PT0.00S');
    expect(isoDuration(61_234)).toBe('PT61.23S');
    expect(isoDuration(-5)).toBe('PT0.00S');
  });
});
