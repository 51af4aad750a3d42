/** A thin HTTP client for integration tests: plain fetch, like any API consumer. */
export type ApiResponse<T = unknown> = { status: number; body: T; headers: Headers };

export const createApiClient = (baseUrl: string) => {
  const request = async <T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(new URL(path, baseUrl), { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: return the text as it is.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
  return {
    request,
    get: <T = unknown>(path: string, token?: string) => request<T>('GET', path, { token }),
    post: <T = unknown>(path: string, body: unknown, token?: string, headers?: Record<string, string>) =>
      request<T>('POST', path, { token, body, headers }),
    put: <T = unknown>(path: string, body: unknown, token?: string) =>
      request<T>('PUT', path, { token, body }),
    delete: <T = unknown>(path: string, token?: string) => request<T>('DELETE', path, { token }),
  };
};
