import type { IncomingMessage } from 'node:http';

/** Local-only endpoints (firing a schedule…) live under this prefix; they are not part of the API. */
export const localControlPrefix = '/_local/';
/**
 * The header a local tool sends to reach them. A browser cannot add a custom header to a cross-origin
 * request without a CORS preflight, which these endpoints never grant, so a web page the developer
 * happens to visit cannot fire them with a simple form POST.
 */
export const localControlHeader = 'x-dml-local-control';

/** Why a request may not use a local-only endpoint, or null when it may (a local tool, not a browser page). */
export const controlRefusal = (req: IncomingMessage): string | null => {
  const fetchSite = req.headers['sec-fetch-site'];
  if (req.headers.origin !== undefined || (fetchSite !== undefined && fetchSite !== 'none'))
    return 'Local-only endpoints refuse requests from web pages.';
  if (req.headers[localControlHeader] !== '1')
    return `Local-only endpoints need the ${localControlHeader}: 1 header (npm run trigger sends it).`;
  return null;
};
