import type { CSSResult } from 'lit';

/**
 * Rewrites a component stylesheet for light-DOM rendering: `:host` becomes `scope`, every other
 * selector is nested under `scope`, inside `@media`/`@supports` blocks too. The input is the
 * project's own CSS (no strings or comments holding braces).
 */
export function scopeCss(cssText: string, scope: string): string {
  const out: string[] = [];
  let i = 0;
  const text = cssText.replace(/\/\*[\s\S]*?\*\//g, '');
  const scopeSelector = (selector: string): string =>
    selector
      .split(/,(?![^(]*\))/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => (part.startsWith(':host') ? part.replace(/^:host\(([^)]*)\)/, `${scope}$1`).replace(/^:host/, scope) : `${scope} ${part}`))
      .join(', ');
  const block = (): string => {
    // From after a "{" to its matching "}".
    let depth = 1;
    const start = i;
    while (i < text.length && depth > 0) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
      i++;
    }
    return text.slice(start, i - 1);
  };
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open === -1) break;
    const prelude = text.slice(i, open).trim();
    i = open + 1;
    const body = block();
    if (prelude.startsWith('@media') || prelude.startsWith('@supports')) out.push(`${prelude} {\n${scopeCss(body, scope)}\n}`);
    else if (prelude.startsWith('@')) out.push(`${prelude} {${body}}`);
    else out.push(`${scopeSelector(prelude)} {${body}}`);
  }
  return out.join('\n');
}

const adopted = new WeakMap<Document | ShadowRoot, Set<string>>();

/**
 * Adds the element's styles, scoped to `scope`, to the document (or shadow root) the element is
 * in, once per root: a constructed stylesheet where supported (no inline style: CSP-safe), a
 * `<style>` element otherwise.
 */
export function adoptScopedStyles(element: Element, styles: CSSResult, scope: string): void {
  const root = element.getRootNode() as Document | ShadowRoot;
  const done = adopted.get(root) ?? new Set<string>();
  if (done.has(scope)) return;
  done.add(scope);
  adopted.set(root, done);
  const text = scopeCss(styles.cssText, scope);
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = text;
    (root instanceof Document ? root.head : root).append(style);
  }
}
