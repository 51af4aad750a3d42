import type { UIMatch } from 'react-router-dom';

/** Set on a route's `handle` to give it a breadcrumb; a function reads params for dynamic pages. */
export type RouteHandle = { crumb?: string | ((match: UIMatch) => string) };

export type Crumb = { to: string; label: string };

/** The trail of the current URL: one crumb per matched route that declares one, outermost first. */
export const crumbsFromMatches = (matches: readonly UIMatch[]): Crumb[] =>
  matches.flatMap((match) => {
    const crumb = (match.handle as RouteHandle | undefined)?.crumb;
    if (!crumb) return [];
    return [{ to: match.pathname, label: typeof crumb === 'function' ? crumb(match) : crumb }];
  });
