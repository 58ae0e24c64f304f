import { afterEach, describe, expect, it } from 'vitest';
import '../define.js';
import { waitFor } from '../../test/wait-for.js';
import { connectScorm, findScormApi, type Scorm12Api } from './connect-scorm.js';

/** A SCORM 1.2 API that keeps values in a map and records every call. */
function fakeApi(overrides: Partial<Scorm12Api> = {}): Scorm12Api & { values: Map<string, string>; calls: string[] } {
  const values = new Map<string, string>([['cmi.core.lesson_status', 'not attempted']]);
  const calls: string[] = [];
  return {
    values,
    calls,
    LMSInitialize: () => (calls.push('LMSInitialize'), 'true'),
    LMSFinish: () => (calls.push('LMSFinish'), 'true'),
    LMSGetValue: (element) => (calls.push(`get ${element}`), values.get(element) ?? ''),
    LMSSetValue: (element, value) => (calls.push(`set ${element}`), values.set(element, value), 'true'),
    LMSCommit: () => (calls.push('LMSCommit'), 'true'),
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => 'No error',
    ...overrides,
  };
}

afterEach(() => {
  document.body.innerHTML = '';
  delete (window as unknown as { API?: unknown }).API;
});

describe('connectScorm (happy-dom)', () => {
  it('creates the element with the attributes and runs standalone when no LMS answers', async () => {
    const main = document.createElement('main');
    document.body.append(main);
    const connection = connectScorm(main, { lang: 'en', attributes: { 'max-items': '12', storage: 'none' } });
    expect(connection.connected).toBe(false);
    expect(findScormApi()).toBeNull();
    expect(main.firstElementChild).toBe(connection.element);
    expect(connection.element.getAttribute('max-items')).toBe('12');
    expect(connection.element.lang).toBe('en');
    expect(connection.element.store).toBeUndefined();
    connection.finish(); // nothing to finish, no throw
    expect(connection.errors).toEqual([]);
  });

  it('finds window.API, marks the attempt incomplete and keeps the test in suspend_data', async () => {
    const api = fakeApi();
    (window as unknown as { API: Scorm12Api }).API = api;
    const connection = connectScorm(document.body, { attributes: { 'max-items': '6' } });
    expect(connection.connected).toBe(true);
    expect(api.values.get('cmi.core.lesson_status')).toBe('incomplete');
    const el = connection.element;
    await waitFor(() => el.shadowRoot?.querySelector('button.primary'));
    (el.shadowRoot!.querySelector('button.primary') as HTMLButtonElement).click();
    await waitFor(() => api.values.get('cmi.suspend_data')?.startsWith('J1'));
    expect(api.calls).not.toContain('get cmi.core.student_id');
    expect(api.calls).not.toContain('get cmi.core.student_name');
    connection.finish();
    connection.finish(); // idempotent
    expect(api.values.get('cmi.core.exit')).toBe('suspend');
    expect(api.values.get('cmi.core.session_time')).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    expect(api.calls.filter((c) => c === 'LMSFinish')).toHaveLength(1);
    expect(connection.errors).toEqual([]);
  });

  it('records what an LMS refuses or throws, and never throws itself', async () => {
    const api = fakeApi({
      LMSSetValue: (element) => {
        if (element === 'cmi.core.exit') throw new Error('LMS crashed');
        return element === 'cmi.core.lesson_status' ? 'false' : 'true';
      },
      LMSGetLastError: () => '405',
      LMSGetErrorString: () => 'Incorrect Data Type',
    });
    const connection = connectScorm(document.body, { api });
    expect(connection.connected).toBe(true);
    expect(() => connection.finish()).not.toThrow();
    expect(connection.errors).toEqual([
      { element: 'cmi.core.lesson_status', code: '405', message: 'Incorrect Data Type' },
      { element: 'cmi.core.exit', code: 'exception', message: 'LMS crashed' },
    ]);
  });

  it('runs standalone when LMSInitialize fails', () => {
    const api = fakeApi({ LMSInitialize: () => 'false' });
    expect(connectScorm(document.body, { api }).connected).toBe(false);
  });
});
