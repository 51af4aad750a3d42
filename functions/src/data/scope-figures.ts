import type { FigureItem } from '#domain/dashboard';
import { subjects } from '#domain/figures';
import { applyFigureDeltas, figureItemsOf, figureWrite } from './figures.ts';
import type { Write } from './transact.ts';

/** A user's facility count (in their figures and their mentor figures), written with the assignment change. */
export const assignedCountWrites = (userId: string, delta: number): Write[] =>
  delta === 0
    ? []
    : [
        figureWrite(subjects.user(userId), 'CURRENT', { facilities: delta }),
        figureWrite(subjects.mentor(userId), 'CURRENT', { facilities: delta }),
      ];

const scaled = (values: FigureItem, sign: 1 | -1) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([attr, n]) => attr !== 'facilities' && n !== 0)
      .map(([attr, n]) => [attr, n * sign]),
  );

/**
 * Adds a facility's figures to (or takes them from) the figures of a user who gains (loses) it, item by
 * item. Later log and follow-up writes keep it current; the reconciliation job repairs a write that
 * raced the assignment change.
 */
export const syncScopeFigures = async (userId: string, facilityId: string, change: 'add' | 'remove') => {
  for (const { sk, values } of await figureItemsOf(subjects.facility(facilityId))) {
    await applyFigureDeltas(subjects.user(userId), sk, scaled(values, change === 'add' ? 1 : -1));
  }
};
