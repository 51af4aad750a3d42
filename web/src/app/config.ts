import { issuesToDetails } from '@dml/shared/api/errors';
import * as z from '@dml/shared/zod';

/**
 * Runtime configuration, fetched from `/config.json` before the app renders, so one build serves every
 * stage. The file carries the stack outputs (flat keys); we validate only what the web app uses and
 * ignore the rest.
 */
const text = z.string({ error: 'is missing' }).check(z.trim(), z.minLength(1, 'is empty'));
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const AppConfig = z.object({
  apiUrl: httpUrl,
  region: text,
  userPoolId: text,
  userPoolClientId: text,
  /** Local: cognito-local's URL; AWS: the regional default (which Amplify derives itself). */
  cognitoEndpoint: z.optional(httpUrl),
});
export type AppConfig = z.infer<typeof AppConfig>;

export const CONFIG_PATH = '/config.json';

/** Thrown when `/config.json` is missing, unreadable or invalid; the message is shown to the user. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly details: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export const parseConfig = (raw: unknown): AppConfig => {
  const result = AppConfig.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      `${CONFIG_PATH} is missing required settings.`,
      issuesToDetails(result.error.issues),
    );
  }
  return result.data;
};

export const loadConfig = async (fetchImpl: typeof fetch = fetch): Promise<AppConfig> => {
  let response: Response;
  try {
    // no-store: after a deploy the config may change while the app's hashed files stay cached.
    response = await fetchImpl(CONFIG_PATH, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    throw new ConfigError(`Could not reach the server to load ${CONFIG_PATH}. Check your connection.`);
  }
  if (!response.ok) {
    throw new ConfigError(`Could not load ${CONFIG_PATH} (HTTP ${response.status}).`);
  }
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    // A single-page-app fallback answers unknown paths with index.html, so "not JSON" usually means "not deployed".
    throw new ConfigError(`${CONFIG_PATH} is not valid JSON; is it deployed?`);
  }
  return parseConfig(raw);
};
