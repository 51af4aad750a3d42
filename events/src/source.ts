/** Every domain event comes from this source on the custom bus (its own module: no schemas to load). */
export const EVENT_SOURCE = 'dml.app';
