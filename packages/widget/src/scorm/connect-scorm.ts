import type { AssessmentResult, AssessmentSnapshot } from '@jauge/core/engine';
import { decodeSuspendData, encodeSuspendData, formatScormTime, scormReport } from '@jauge/core/scorm';
import type { JaugeAssessment } from '../components/assessment/assessment.component.js';
import { type JaugeStore, keys } from '../internal/storage.js';

/** The SCORM 1.2 run-time API an LMS exposes as `window.API` (SCORM 1.2 RTE, section 3.3). */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

/** Options of {@link connectScorm}. */
export interface ConnectScormOptions {
  /** Interface language (default `fr`). */
  lang?: 'fr' | 'en';
  /** Attributes of `<jauge-assessment>` (`max-items`, `min-items`, `domains`, `profile`, `theme`). */
  attributes?: Record<string, string>;
  /** Content to use instead of the shipped reference content (framework, items, catalogue…). */
  content?: { framework?: unknown; items?: unknown; catalogue?: unknown; rules?: unknown; profiles?: unknown; stages?: unknown };
  /** The API to talk to; default: `window.API` found in the parent frames or the opener (ADL's search). */
  api?: Scorm12Api | null;
}

/** What {@link connectScorm} returns. */
export interface ScormConnection {
  /** The element it created. */
  element: JaugeAssessment;
  /** Whether an LMS answered (`false`: the package runs standalone, keeping the test in localStorage). */
  connected: boolean;
  /** Errors the LMS reported (element, code, message), most recent last. */
  errors: { element: string; code: string; message: string }[];
  /** Records the session time and ends the communication (called on `pagehide`); idempotent. */
  finish(): void;
}

/** ADL's API discovery: the nearest `API` in the parent frames (at most 7 levels), then in the opener's. */
export function findScormApi(from: Window = window): Scorm12Api | null {
  const search = (start: Window): Scorm12Api | null => {
    let win: Window = start;
    for (let depth = 0; depth <= 7; depth++) {
      try {
        const api = (win as unknown as { API?: Scorm12Api }).API;
        if (api && typeof api.LMSInitialize === 'function') return api;
      } catch {
        // a cross-origin frame: keep climbing
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  };
  return search(from) ?? (from.opener ? search(from.opener as Window) : null);
}

/**
 * Runs `<jauge-assessment>` as a SCORM 1.2 SCO: creates the element in `container`, keeps the
 * test in `cmi.suspend_data` (so an agent resumes where they stopped, on any computer), and at
 * the end reports the result: `cmi.core.score.raw` (100 × level / 8), `cmi.core.lesson_status`
 * `completed`, one objective per domain and per competence (score = level 1–8) and one
 * interaction per question (correct / wrong, never the response) and per domain (the level).
 * Nothing identifying is read or written (`cmi.core.student_id` and `student_name` are left
 * alone). Without an LMS the element runs as usual with localStorage.
 */
export function connectScorm(container: Element, options: ConnectScormOptions = {}): ScormConnection {
  const element = document.createElement('jauge-assessment') as JaugeAssessment;
  element.lang = options.lang ?? 'fr';
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  const content = options.content ?? {};
  for (const key of ['framework', 'items', 'catalogue', 'rules', 'profiles', 'stages'] as const) if (content[key] !== undefined) element[key] = content[key];

  const found = options.api === undefined ? findScormApi() : options.api;
  const errors: ScormConnection['errors'] = [];
  /** Calls the LMS; an API that throws is recorded like one that answers "false". */
  const call = (name: string, run: () => string): string => {
    try {
      return run();
    } catch (error) {
      errors.push({ element: name, code: 'exception', message: error instanceof Error ? error.message : String(error) });
      return 'false';
    }
  };
  const api = found && call('LMSInitialize', () => found.LMSInitialize('')) === 'true' ? found : null;
  const started = Date.now();
  let finished = false;
  let complete = false;

  const check = (elementName: string, ok: string): void => {
    if (ok === 'true' || !api) return;
    const last = errors[errors.length - 1];
    if (last?.element === elementName && last.code === 'exception') return;
    const code = call('LMSGetLastError', () => api.LMSGetLastError());
    errors.push({ element: elementName, code, message: call('LMSGetErrorString', () => api.LMSGetErrorString(code)) });
  };
  const set = (elementName: string, value: string): void => {
    if (api) check(elementName, call(elementName, () => api.LMSSetValue(elementName, value)));
  };
  const get = (elementName: string): string => (api ? call(elementName, () => api.LMSGetValue(elementName)) : '');
  const commit = (): void => {
    if (api) check('LMSCommit', call('LMSCommit', () => api.LMSCommit('')));
  };

  if (api) {
    const status = get('cmi.core.lesson_status');
    complete = status === 'completed' || status === 'passed' || status === 'failed';
    if (status === '' || status === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
    let suspendData = get('cmi.suspend_data');
    const memory = new Map<string, string>();
    const store: JaugeStore = {
      getItem(key) {
        if (!key.startsWith(keys.sessionPrefix)) return memory.get(key) ?? null;
        const active = element.activeContent;
        if (!suspendData || !active) return null;
        try {
          return JSON.stringify(decodeSuspendData(suspendData, active));
        } catch {
          // Unreadable: the element shows its "could not resume" notice and removes it.
          return suspendData;
        }
      },
      setItem(key, value) {
        if (!key.startsWith(keys.sessionPrefix)) return void memory.set(key, value);
        let encoded: string;
        try {
          encoded = encodeSuspendData(JSON.parse(value) as AssessmentSnapshot);
        } catch (error) {
          // Longer than SCORM 1.2 allows (4,096 characters): the LMS keeps the last save that fitted.
          errors.push({ element: 'cmi.suspend_data', code: 'jauge', message: error instanceof Error ? error.message : String(error) });
          throw error;
        }
        if (encoded === suspendData) return;
        suspendData = encoded;
        set('cmi.suspend_data', encoded);
        commit();
      },
      removeItem(key) {
        if (!key.startsWith(keys.sessionPrefix)) return void memory.delete(key);
        suspendData = '';
        set('cmi.suspend_data', '');
        commit();
      },
    };
    element.store = store;
    element.addEventListener('jauge-complete', (event) => {
      const result: AssessmentResult = event.detail.result;
      complete = true;
      for (const entry of scormReport(result, element.activeContent?.framework)) set(entry.element, entry.value);
      commit();
    });
  }

  const finish = (): void => {
    if (finished || !api) return;
    finished = true;
    set('cmi.core.session_time', formatScormTime(Date.now() - started));
    set('cmi.core.exit', complete ? '' : 'suspend');
    commit();
    check('LMSFinish', call('LMSFinish', () => api.LMSFinish('')));
  };
  globalThis.addEventListener?.('pagehide', finish);
  globalThis.addEventListener?.('beforeunload', finish);
  container.append(element);
  return { element, connected: api !== null, errors, finish };
}
