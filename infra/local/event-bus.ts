import { type RuleDef, rules } from '@dml/events';
import { type FunctionName, type FunctionSpec, functionCatalog } from '@dml/functions/function-catalog';
import { type BusEvent, matchesPattern } from './event-pattern.ts';
import { invoke, isFunctionName } from './functions.ts';

/** EventBridge retries an async Lambda target twice before the DLQ; we do the same, then log. */
const ATTEMPTS = 3;

export type Delivery = { rule: string; target: FunctionName; eventId: string; ok: boolean; error?: string };

/**
 * The local stand-in for the custom event bus: routes each event to the targets of every rule whose
 * pattern (the same data CDK deploys) matches, asynchronously, with bounded retries.
 */
export const createLocalBus = (allRules: Record<string, RuleDef> = rules) => {
  // Rules on the AWS default bus (S3 notifications…) have no local source of events.
  const ruleSet = Object.fromEntries(
    Object.entries(allRules).filter(([, rule]) => (rule.bus ?? 'app') === 'app'),
  );
  const deliveries: Delivery[] = [];
  /** Every event put on the bus, in order (what tests and the local console inspect). */
  const published: BusEvent[] = [];
  const inFlight = new Set<Promise<void>>();
  for (const [name, rule] of Object.entries(ruleSet)) {
    if (!isFunctionName(rule.target)) throw new Error(`rule ${name} targets unknown function ${rule.target}`);
    if ((functionCatalog[rule.target] as FunctionSpec).trigger !== 'event')
      throw new Error(`rule ${name}: ${rule.target} is not an event function`);
  }

  const deliver = async (ruleName: string, target: FunctionName, event: BusEvent) => {
    let lastError: unknown;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        await invoke(target, event);
        deliveries.push({ rule: ruleName, target, eventId: event.id, ok: true });
        return;
      } catch (error) {
        lastError = error;
      }
    }
    deliveries.push({ rule: ruleName, target, eventId: event.id, ok: false, error: String(lastError) });
    console.error(
      `[bus] ${target} failed ${ATTEMPTS} times for ${event['detail-type']} ${event.id}:`,
      lastError,
    );
  };

  return {
    deliveries,
    published,
    /** Like PutEvents: returns once accepted; targets run in the background. */
    put: (event: BusEvent) => {
      published.push(event);
      for (const [ruleName, rule] of Object.entries(ruleSet)) {
        if (!matchesPattern(rule.pattern, event)) continue;
        const promise = deliver(ruleName, rule.target as FunctionName, event).finally(() =>
          inFlight.delete(promise),
        );
        inFlight.add(promise);
      }
    },
    /** Waits until every delivery started so far has finished (tests, shutdown). */
    drain: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
};
export type LocalBus = ReturnType<typeof createLocalBus>;
