import { createAssessment } from '@jauge/core';
import { framework, items } from '@jauge/core/reference';
import { afterEach, describe, expect, it } from 'vitest';
import '../../define.js';
import { en, fr } from '../../i18n/messages.js';
import { waitFor } from '../../../test/wait-for.js';
import type { JaugeAssessment } from './assessment.component.js';

async function mount(attributes: Record<string, string> = {}): Promise<JaugeAssessment> {
  const el = document.createElement('jauge-assessment');
  for (const [name, value] of Object.entries({ storage: 'none', ...attributes })) el.setAttribute(name, value);
  document.body.append(el);
  await waitFor(() => el.shadowRoot?.querySelector('h2'));
  return el;
}

const $ = (el: JaugeAssessment, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (el: JaugeAssessment, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('<jauge-assessment> (happy-dom)', () => {
  it('shows the intro in French by default, in English with lang="en"', async () => {
    const el = await mount();
    expect(text(el, 'h2')).toBe(fr.title);
    expect(el.shadowRoot!.textContent).toContain(fr.introPrivacy);
    expect(el.shadowRoot!.textContent).toContain('entre 24 et 36 questions');
    const english = await mount({ lang: 'en' });
    expect(text(english, 'h2')).toBe(en.title);
  });

  it('runs the reference test to the end with "Je ne sais pas", with the result core computes for the same answers', async () => {
    const el = await mount({ 'max-items': '6', 'min-items': '6' });
    const answers: string[] = [];
    el.addEventListener('jauge-answer', (event) => answers.push(event.detail.itemId));
    const completed = new Promise<CustomEvent>((resolve) => el.addEventListener('jauge-complete', (e) => resolve(e as CustomEvent)));
    ($(el, 'button.primary') as HTMLButtonElement).click();
    for (let step = 0; step < 20; step++) {
      const button = await waitFor(() => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === fr.dontKnow || b.textContent?.trim() === fr.download));
      if (button.textContent?.trim() === fr.download) break;
      button.click();
      await el.updateComplete;
    }
    const event = await completed;
    expect(event.detail.result.counts.answered).toBe(6);
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(6);
    // Core, fed the same skips in the same order, reaches the same levels.
    const snapshotSeed = (event.detail.result as { domains: unknown[] }).domains.length;
    expect(snapshotSeed).toBe(6);
    const reference = createAssessment({ framework, items, config: { maxItems: 6, minItems: 6 }, seed: 1 });
    for (let item = reference.nextItem(); item; item = reference.nextItem()) reference.skip(item.id);
    expect(event.detail.result.overall.level).toBe(reference.result().overall.level);
    expect(answers.length).toBeGreaterThanOrEqual(6);
  });

  it('asks for an answer before submitting, and never renders content as HTML', async () => {
    const hostile = structuredClone(items);
    const first = hostile.items.find((item) => item.type === 'single-choice' && item.level === 1)!;
    first.stem = '<img src=x onerror="window.__pwned=1"><b>gras</b>';
    const el = document.createElement('jauge-assessment');
    el.setAttribute('storage', 'none');
    el.items = { ...hostile, items: hostile.items.filter((item) => item.id === first.id || item.type !== 'single-choice' || item.level > 2) };
    document.body.append(el);
    await waitFor(() => $(el, 'button.primary'));
    ($(el, 'button.primary') as HTMLButtonElement).click();
    await waitFor(() => $(el, 'legend'));
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(text(el, '[role="alert"]')).toBe(fr.answerRequired);
  });

  it('reports invalid host content with jauge-error and a message, without crashing', async () => {
    const el = document.createElement('jauge-assessment');
    el.setAttribute('storage', 'none');
    const errors: CustomEvent[] = [];
    el.addEventListener('jauge-error', (e) => errors.push(e as CustomEvent));
    el.items = { id: 'x', version: '1.0.0', lang: 'fr', framework: { id: 'socle-numerique-agent-public' }, items: [{ id: 'q', type: 'essay' }] };
    document.body.append(el);
    await waitFor(() => errors.length > 0);
    expect(errors[0]!.detail.code).toBe('invalid-content');
    expect(errors[0]!.detail.issues[0]).toEqual({ path: 'items[0].type', message: 'expected type to be "single-choice", "multiple-choice", "ordering", "short-text", "self-rating", found the string "essay"' });
    await el.updateComplete;
    expect(text(el, '[role="alert"]')).toBe(fr.contentError);
  });

  it('defines every message in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });
});

describe('<jauge-profile> and sharing (happy-dom)', () => {
  it('renders a given result, and the saved one after a test; refuses a tampered save', async () => {
    const reference = createAssessment({ framework, items, config: { maxItems: 6, minItems: 6 }, seed: 3 });
    for (let item = reference.nextItem(); item; item = reference.nextItem()) reference.skip(item.id);
    const profile = document.createElement('jauge-profile');
    profile.result = reference.result();
    document.body.append(profile);
    await profile.updateComplete;
    expect(profile.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(6);
    localStorage.setItem('jauge:v1:result:socle-numerique-agent-public', '{"overall": {"level": "<img>"}}');
    const tampered = document.createElement('jauge-profile');
    document.body.append(tampered);
    await tampered.updateComplete;
    expect(tampered.shadowRoot!.textContent).toContain(fr.noResult);
  });

  it('shares only levels on request, keeps the share queued until the host acknowledges, and retries it', async () => {
    const el = await mount({ 'max-items': '6', 'min-items': '6', storage: 'local', campaign: 'campagne-2026', pseudonym: 'agent-42' });
    el.group = { direction: 'DRH', service: 'Formation' };
    ($(el, 'button.primary') as HTMLButtonElement).click();
    for (let step = 0; step < 20; step++) {
      const button = await waitFor(() => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === fr.dontKnow || b.textContent?.trim() === fr.share));
      if (button.textContent?.trim() === fr.share) break;
      button.click();
      await el.updateComplete;
    }
    const shares: CustomEvent[] = [];
    el.addEventListener('jauge-share', (e) => shares.push(e as CustomEvent));
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === fr.share)!.click();
    expect(shares).toHaveLength(1);
    const detail = shares[0]!.detail;
    expect(detail).toMatchObject({ campaign: 'campagne-2026', pseudonym: 'agent-42', group: { direction: 'DRH', service: 'Formation' } });
    expect(Object.keys(detail.result).sort()).toEqual(['competences', 'domains', 'framework', 'overall']);
    expect(JSON.stringify(detail.result)).not.toMatch(/itemId|stem|answered|theta/);
    expect(JSON.parse(localStorage.getItem('jauge:v1:share-queue')!)).toHaveLength(1);
    // The host fails to deliver: the share stays queued and is offered again on the next visit.
    detail.acknowledge(Promise.reject(new Error('network down')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(JSON.parse(localStorage.getItem('jauge:v1:share-queue')!)).toHaveLength(1);
    const retried: CustomEvent[] = [];
    document.addEventListener('jauge-share', (e) => retried.push(e as CustomEvent), { once: true });
    el.remove();
    const again = await mount({ storage: 'local', campaign: 'campagne-2026' });
    await waitFor(() => retried.length > 0);
    expect(retried[0]!.detail.shareId).toBe(detail.shareId);
    retried[0]!.detail.acknowledge(Promise.resolve());
    await waitFor(() => localStorage.getItem('jauge:v1:share-queue') === null);
    again.remove();
  });
});

describe('<jauge-assessment> configuration errors', () => {
  it('reports an unknown domain or min > max at load, with jauge-error, not when the agent clicks', async () => {
    const el = document.createElement('jauge-assessment');
    el.setAttribute('storage', 'none');
    el.setAttribute('domains', 'cybersecurite astronomie');
    const errors: CustomEvent[] = [];
    el.addEventListener('jauge-error', (e) => errors.push(e as CustomEvent));
    document.body.append(el);
    await waitFor(() => errors.length > 0);
    expect(errors[0]!.detail.code).toBe('invalid-configuration');
    expect(errors[0]!.detail.issues[0].path).toBe('config.domains[1]');
    await el.updateComplete;
    expect(text(el, '[role="alert"]')).toBe(fr.configurationError);
  });

  it('names the themes in scope in the intro', async () => {
    const el = await mount({ domains: 'cybersecurite protection-donnees' });
    expect(el.shadowRoot!.textContent).toContain('2 thèmes sont abordés : cybersécurité et protection des données.');
  });
});

describe('<jauge-assessment> language switch', () => {
  it('switches the interface language mid-test without losing the current question', async () => {
    const el = await mount();
    ($(el, 'button.primary') as HTMLButtonElement).click();
    await waitFor(() => $(el, 'legend'));
    const before = $(el, 'legend')!.textContent;
    el.lang = 'en';
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect($(el, 'legend')!.textContent).toBe(before);
    expect([...el.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent?.trim() === en.dontKnow)).toBe(true);
  });
});
