/**
 * EventBridge rules as data: CDK creates one rule per entry on the custom bus, targeting the named
 * function; the local router matches events with the same patterns.
 */
export type EventPattern = {
  source?: string[];
  'detail-type'?: string[];
  detail?: Record<string, unknown>;
};

export type RuleDef = {
  description: string;
  pattern: EventPattern;
  /** Function name in functions/src/catalog.ts. */
  target: string;
};

export const rules: Record<string, RuleDef> = {};
