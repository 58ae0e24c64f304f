import type { PresentedItem } from '@jauge/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';

/** The transient answer being composed for the current item. */
export interface Draft {
  choice?: string;
  choices: string[];
  order: string[];
  text: string;
}

/** Callbacks from the item's controls to the element. */
export interface ItemHandlers {
  choose(id: string): void;
  toggle(id: string, checked: boolean): void;
  move(index: number, delta: -1 | 1): void;
  type(text: string): void;
}

/** Texts of an item in the interface language when the content provides them (French otherwise). */
export function localized(item: PresentedItem, lang: string): { stem: string; context?: string; option: (id: string, text: string) => string } {
  const t = item.translations?.[lang.slice(0, 2)];
  return {
    stem: t?.stem ?? item.stem,
    ...(item.context ? { context: t?.context ?? item.context } : {}),
    option: (id, text) => t?.options?.[id] ?? text,
  };
}

/** Renders the controls of an item inside its fieldset (all text goes through Lit text bindings: never HTML). */
export function renderItemControls(item: PresentedItem, draft: Draft, m: Messages, lang: string, ids: string, on: ItemHandlers): TemplateResult {
  const text = localized(item, lang);
  const name = `${ids}q-${item.id}`;
  switch (item.type) {
    case 'single-choice':
    case 'self-rating': {
      const options =
        item.type === 'self-rating'
          ? (item.scale ?? []).map((step) => ({ id: step.id, text: (lang.startsWith('en') && typeof step.translations?.en?.label === 'string' ? step.translations.en.label : step.label) as string }))
          : (item.options ?? []).map((o) => ({ id: o.id, text: text.option(o.id, o.text) }));
      return html`<p class="muted" id="${name}-hint">${item.type === 'self-rating' ? m.selfRatingHint : m.chooseOne}</p>
        <ul class="options" part="options">
          ${options.map(
            (o) => html`<li class="option">
              <label part="option"
                ><input type="radio" name=${name} .value=${o.id} .checked=${draft.choice === o.id} @change=${() => on.choose(o.id)} /><span>${o.text}</span></label
              >
            </li>`,
          )}
        </ul>`;
    }
    case 'multiple-choice':
      return html`<p class="muted">${m.chooseMany}</p>
        <ul class="options" part="options">
          ${(item.options ?? []).map(
            (o) => html`<li class="option">
              <label part="option"
                ><input
                  type="checkbox"
                  name=${name}
                  .value=${o.id}
                  .checked=${draft.choices.includes(o.id)}
                  @change=${(e: Event) => on.toggle(o.id, (e.target as HTMLInputElement).checked)}
                /><span>${text.option(o.id, o.text)}</span></label
              >
            </li>`,
          )}
        </ul>`;
    case 'ordering': {
      const byId = new Map((item.options ?? []).map((o) => [o.id, text.option(o.id, o.text)]));
      const total = draft.order.length;
      return html`<p class="muted">${m.orderHint}</p>
        <ol class="options" part="options">
          ${draft.order.map((id, index) => {
            const label = byId.get(id) ?? id;
            return html`<li class="order-row">
              <span class="rank">${m.position(index + 1, total)}</span>
              <span class="text">${label}</span>
              <button type="button" data-move="up" aria-label=${m.moveUp(label)} ?disabled=${index === 0} @click=${() => on.move(index, -1)}>↑</button>
              <button type="button" data-move="down" aria-label=${m.moveDown(label)} ?disabled=${index === total - 1} @click=${() => on.move(index, 1)}>↓</button>
            </li>`;
          })}
        </ol>`;
    }
    case 'short-text':
      return html`<label for="${name}-input">${m.typeAnswer}</label><br />
        <input id="${name}-input" type="text" autocomplete="off" spellcheck="false" .value=${draft.text} @input=${(e: Event) => on.type((e.target as HTMLInputElement).value)} />`;
    default:
      return html`${nothing}`;
  }
}

/** The response to give to core for the current draft, or `undefined` when nothing is chosen yet. */
export function responseOf(item: PresentedItem, draft: Draft): unknown {
  switch (item.type) {
    case 'single-choice':
    case 'self-rating':
      return draft.choice;
    case 'multiple-choice':
      return draft.choices.length > 0 ? draft.choices : undefined;
    case 'ordering':
      return draft.order;
    case 'short-text':
      return draft.text.trim() === '' ? undefined : draft.text;
    default:
      return undefined;
  }
}
