import type { ReactNode } from 'react';
import type { UIMatch } from 'react-router-dom';

/**
 * Set on a route's `handle` to give it a breadcrumb. A function reads params for dynamic pages and may
 * return an element (e.g. `<FacilityCrumb id=… />`, which shows the facility's name once it is loaded).
 */
export type RouteHandle = { crumb?: string | ((match: UIMatch) => ReactNode) };

export type Crumb = { to: string; label: ReactNode };

/** The trail of the current URL: one crumb per matched route that declares one, outermost first. */
export const crumbsFromMatches = (matches: readonly UIMatch[]): Crumb[] =>
  matches.flatMap((match) => {
    const crumb = (match.handle as RouteHandle | undefined)?.crumb;
    if (!crumb) return [];
    return [{ to: match.pathname, label: typeof crumb === 'function' ? crumb(match) : crumb }];
  });
