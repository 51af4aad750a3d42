import type { EventPattern, PatternValue } from '@dml/events';

/**
 * EventBridge pattern matching for the subset our rules use: arrays of allowed values, nested objects,
 * and `{ prefix }`, `{ exists }`, `{ "anything-but": [...] }` matchers. Every field of the pattern must
 * match; fields the pattern does not name are ignored — as in EventBridge.
 */
const matchesValue = (matchers: PatternValue[], value: unknown, present: boolean): boolean =>
  matchers.some((m) => {
    if (m !== null && typeof m === 'object') {
      if ('exists' in m) return m.exists === present;
      if (!present) return false;
      if ('prefix' in m) return typeof value === 'string' && value.startsWith(m.prefix);
      if ('anything-but' in m) return !m['anything-but'].includes(value as never);
      return false;
    }
    if (!present) return false;
    return Array.isArray(value) ? value.includes(m) : value === m;
  });

const matchesObject = (pattern: Record<string, unknown>, subject: Record<string, unknown>): boolean =>
  Object.entries(pattern).every(([field, rule]) => {
    const present = Object.hasOwn(subject, field);
    const value = subject[field];
    if (Array.isArray(rule)) return matchesValue(rule as PatternValue[], value, present);
    if (rule !== null && typeof rule === 'object') {
      return (
        present &&
        value !== null &&
        typeof value === 'object' &&
        matchesObject(rule as Record<string, unknown>, value as Record<string, unknown>)
      );
    }
    return false;
  });

export type BusEvent = {
  id: string;
  source: string;
  'detail-type': string;
  time: string;
  detail: Record<string, unknown>;
  account?: string;
  region?: string;
  resources?: string[];
  version?: string;
};

export const matchesPattern = (pattern: EventPattern, event: BusEvent) =>
  matchesObject(pattern as Record<string, unknown>, event as unknown as Record<string, unknown>);
