import { describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './config.ts';

const localOutputs = {
  apiUrl: 'http://localhost:3000',
  webUrl: 'http://localhost:5173',
  region: 'us-east-1',
  userPoolId: 'local_abc123',
  userPoolClientId: 'client123',
  cognitoEndpoint: 'http://localhost:9229',
  bucketName: 'dml-attachments',
  s3Endpoint: 'http://localhost:4569',
  eventBusName: 'dml-events',
  tableName: 'dml',
};

const fetchReturning = (response: Response) => vi.fn<typeof fetch>(async () => response);

describe('loadConfig', () => {
  it('fetches /config.json bypassing the cache and keeps only the settings the app uses', async () => {
    const fetchMock = fetchReturning(Response.json(localOutputs));

    const config = await loadConfig(fetchMock);

    expect(fetchMock).toHaveBeenCalledWith('/config.json', expect.objectContaining({ cache: 'no-store' }));
    expect(config).toEqual({
      apiUrl: 'http://localhost:3000',
      region: 'us-east-1',
      userPoolId: 'local_abc123',
      userPoolClientId: 'client123',
      cognitoEndpoint: 'http://localhost:9229',
    });
  });

  it('names each missing or invalid setting', async () => {
    const { userPoolId: _missing, ...rest } = localOutputs;
    const error = await loadConfig(fetchReturning(Response.json({ ...rest, apiUrl: 'not a url' }))).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).details).toEqual([
      { path: 'apiUrl', message: 'must be an http(s) URL' },
      { path: 'userPoolId', message: 'is missing' },
    ]);
  });

  it('explains an HTTP failure', async () => {
    await expect(loadConfig(fetchReturning(new Response('nope', { status: 404 })))).rejects.toThrow(
      'Could not load /config.json (HTTP 404).',
    );
  });

  it('explains an HTML page served in place of the file (not deployed)', async () => {
    await expect(loadConfig(fetchReturning(new Response('<!doctype html><html></html>')))).rejects.toThrow(
      '/config.json is not valid JSON',
    );
  });

  it('explains a network failure', async () => {
    const offline = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(loadConfig(offline)).rejects.toThrow('Check your connection');
  });
});

describe('parseConfig', () => {
  it('accepts the AWS shape without a custom Cognito endpoint', () => {
    const { cognitoEndpoint: _local, ...aws } = localOutputs;
    expect(
      parseConfig({ ...aws, apiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com' }).cognitoEndpoint,
    ).toBe(undefined);
  });

  it('rejects a non-http API URL', () => {
    expect(() => parseConfig({ ...localOutputs, apiUrl: 'ftp://example.org' })).toThrow(ConfigError);
  });
});
