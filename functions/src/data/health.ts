import { getItem } from './items.ts';

/** Throws unless the table answers: one GetItem on a key nothing stores. */
export const probeTable = async () => {
  await getItem({ pk: 'HEALTH', sk: 'HEALTH' });
};
