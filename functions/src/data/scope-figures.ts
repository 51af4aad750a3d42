import type { FigureItem } from '../domain/dashboard.ts';
import { scopes } from '../domain/figures.ts';
import { applyFigureDeltas, figureItemsOf, figureWrite } from './figures.ts';
import type { Write } from './transact.ts';

/** A user's facility count (their own scope and their mentor scope), written with the assignment change. */
export const assignedCountWrites = (userId: string, delta: number): Write[] =>
  delta === 0
    ? []
    : [
        figureWrite(scopes.user(userId), 'CURRENT', { facilities: delta }),
        figureWrite(scopes.mentor(userId), 'CURRENT', { facilities: delta }),
      ];

const scaled = (values: FigureItem, sign: 1 | -1) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([attr, n]) => attr !== 'facilities' && n !== 0)
      .map(([attr, n]) => [attr, n * sign]),
  );

/**
 * Adds a facility's figures to (or takes them from) the scope of a user who gains (loses) it, item by
 * item. Later log and follow-up writes keep it current; the reconciliation job repairs a write that
 * raced the assignment change.
 */
export const syncScopeFigures = async (userId: string, facilityId: string, change: 'add' | 'remove') => {
  for (const { sk, values } of await figureItemsOf(scopes.facility(facilityId))) {
    await applyFigureDeltas(scopes.user(userId), sk, scaled(values, change === 'add' ? 1 : -1));
  }
};
