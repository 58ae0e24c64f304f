import { indexFramework } from '../framework/framework-index.js';
import type { Framework } from '../framework/framework.schema.js';
import type { ItemBank, ScoredItem, SelfRatingItem } from '../framework/item-bank.schema.js';

/**
 * An item bank compiled for the engine: scored items in column arrays (a, b, c, d as
 * Float64Array, domain and topic as indices) so that selection scores information in one pass,
 * plus the lookups the session needs. Retired items are left out.
 */
export interface ItemPool {
  items: ScoredItem[];
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
  /** Sympson–Hetter exposure parameter of each item (probability of being given once selected). */
  k: Float64Array;
  /** Index into `domainIds` of each item. */
  domainOf: Int32Array;
  /** A small integer per topic (items of one topic share it). */
  topicOf: Int32Array;
  /** Id of each item's competence. */
  competenceOf: string[];
  /** Domains that have at least one scored item, in framework order. */
  domainIds: string[];
  byId: Map<string, number>;
  selfRating: Map<string, SelfRatingItem>;
  /** A short fingerprint of the items and their parameters (snapshot compatibility check). */
  fingerprint: string;
}

/** FNV-1a 32-bit hash of a string, as 8 hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const pools = new WeakMap<ItemBank, { framework: Framework; pool: ItemPool }>();

/** Compiles a (parsed) item bank against its framework (cached per bank object: treat content as immutable). */
export function compilePool(framework: Framework, bank: ItemBank): ItemPool {
  const cached = pools.get(bank);
  if (cached && cached.framework === framework) return cached.pool;
  const pool = compile(framework, bank);
  pools.set(bank, { framework, pool });
  return pool;
}

function compile(framework: Framework, bank: ItemBank): ItemPool {
  const index = indexFramework(framework);
  const scored: ScoredItem[] = [];
  const selfRating = new Map<string, SelfRatingItem>();
  for (const item of bank.items) {
    if (item.status === 'retired') continue;
    if (item.type === 'self-rating') {
      if (!selfRating.has(item.domain)) selfRating.set(item.domain, item);
    } else if (index.skills.has(item.skill)) scored.push(item);
  }
  const domainIds = framework.domains.map((domain) => domain.id).filter((id) => scored.some((item) => index.skills.get(item.skill)?.domain.id === id));
  const n = scored.length;
  const pool: ItemPool = {
    items: scored,
    a: new Float64Array(n),
    b: new Float64Array(n),
    c: new Float64Array(n),
    d: new Float64Array(n),
    k: new Float64Array(n),
    domainOf: new Int32Array(n),
    topicOf: new Int32Array(n),
    competenceOf: [],
    domainIds,
    byId: new Map(),
    selfRating,
    fingerprint: '',
  };
  const topics = new Map<string, number>();
  const parts: string[] = [framework.id, framework.version, bank.id, bank.version];
  scored.forEach((item, i) => {
    const place = index.skills.get(item.skill)!;
    pool.a[i] = item.irt.a;
    pool.b[i] = item.irt.b;
    pool.c[i] = item.irt.c ?? 0;
    pool.d[i] = item.irt.d ?? 1;
    pool.k[i] = item.exposure?.k ?? 1;
    pool.domainOf[i] = domainIds.indexOf(place.domain.id);
    if (!topics.has(place.topic.id)) topics.set(place.topic.id, topics.size);
    pool.topicOf[i] = topics.get(place.topic.id)!;
    pool.competenceOf.push(place.competence.id);
    pool.byId.set(item.id, i);
    parts.push(`${item.id}:${item.irt.a}:${item.irt.b}:${item.irt.c ?? 0}:${item.irt.d ?? 1}:${item.exposure?.k ?? 1}`);
  });
  pool.fingerprint = fnv1a(parts.join('|'));
  return pool;
}
