import { formatUuid } from '@jauge/core/xapi';

/** A random (version 4) UUID from `crypto.getRandomValues` (`crypto.randomUUID` is too recent for the browsers supported). */
export function randomUuid(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return formatUuid(bytes);
}
