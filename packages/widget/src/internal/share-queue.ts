import type { AssessmentResult } from '@jauge/core/engine';
import type { JaugeShareDetail, SharedResult } from '../events/events.js';
import { keys, type SafeStorage } from './storage.js';

/** A share waiting for the host's acknowledgement. */
export interface QueuedShare {
  shareId: string;
  campaign: string;
  group: Record<string, string>;
  pseudonym?: string;
  result: SharedResult;
}

/** Only levels leave: no item, no response, no θ, no identity (unless the host set a pseudonym). */
export function sharedResult(result: AssessmentResult): SharedResult {
  return {
    framework: { ...result.framework },
    overall: { level: result.overall.level, levelSe: round(result.overall.levelSe) },
    domains: result.domains.map((d) => ({ id: d.id, level: d.level, levelSe: round(d.levelSe) })),
    competences: result.competences.map((c) => ({ id: c.id, level: c.level, levelSe: round(c.levelSe) })),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function newId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto?.getRandomValues?.(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The queue of shares: a share is written to storage before the event is fired and removed only
 * when the host's delivery promise resolves, so a failure on the host side loses nothing; queued
 * shares are offered again on the next visit.
 */
export class ShareQueue {
  constructor(private readonly storage: SafeStorage) {}

  list(): QueuedShare[] {
    try {
      const value = JSON.parse(this.storage.get(keys.shareQueue) ?? '[]') as unknown;
      return Array.isArray(value) ? (value as QueuedShare[]).filter((s) => s && typeof s.shareId === 'string' && typeof s.campaign === 'string') : [];
    } catch {
      return [];
    }
  }

  private write(shares: QueuedShare[]): void {
    if (shares.length === 0) this.storage.remove(keys.shareQueue);
    else this.storage.set(keys.shareQueue, JSON.stringify(shares));
  }

  add(share: Omit<QueuedShare, 'shareId'>): QueuedShare {
    const queued: QueuedShare = { shareId: newId(), ...share };
    this.write([...this.list().filter((s) => s.campaign !== share.campaign), queued]);
    return queued;
  }

  remove(shareId: string): void {
    this.write(this.list().filter((s) => s.shareId !== shareId));
  }

  /** The event detail for a queued share; `onDelivered` runs when the host's promise resolves. */
  detail(share: QueuedShare, onSettled: (delivered: boolean) => void): JaugeShareDetail {
    let acknowledged = false;
    return {
      campaign: share.campaign,
      group: { ...share.group },
      ...(share.pseudonym ? { pseudonym: share.pseudonym } : {}),
      result: share.result,
      shareId: share.shareId,
      acknowledge: (delivery: Promise<unknown>) => {
        if (acknowledged) return;
        acknowledged = true;
        Promise.resolve(delivery).then(
          () => {
            this.remove(share.shareId);
            onSettled(true);
          },
          () => onSettled(false),
        );
      },
    };
  }
}
