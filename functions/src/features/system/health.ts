import type { Health } from '@dml/shared';

/** Healthy when the table answers; the probe is injected so the rule is testable without AWS. */
export const checkHealth = async (probeTable: () => Promise<void>, now: Date): Promise<Health> => {
  try {
    await probeTable();
    return { status: 'ok', checks: { table: 'reachable' }, time: now.toISOString() };
  } catch {
    return { status: 'degraded', checks: { table: 'unreachable' }, time: now.toISOString() };
  }
};
