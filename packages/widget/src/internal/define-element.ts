/**
 * Registers a custom element only if the tag is still free, so that a second copy of the
 * bundle on the same page (an intranet portlet plus a CMS block, say) does not throw
 * `NotSupportedError: the name has already been used`.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  if (customElements.get(tag)) return;
  customElements.define(tag, constructor);
}
