/**
 * How the API client (plain TypeScript, no React) tells the auth state what it learned from the server:
 * - `refreshed`: tokens were force-refreshed (e.g. the user's role changed), so re-read the session;
 * - `ended`: the server refused the session for good (account disabled, refresh failed); the user was
 *   signed out and should see `message` on the sign-in page.
 */
export type SessionEvent = { type: 'refreshed' } | { type: 'ended'; message: string };
type Listener = (event: SessionEvent) => void;

const listeners = new Set<Listener>();

export const onSessionEvent = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const emitSessionEvent = (event: SessionEvent) => {
  for (const listener of listeners) listener(event);
};
