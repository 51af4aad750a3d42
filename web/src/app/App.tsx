import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ApiProvider } from '../api/ApiProvider.tsx';
import { createApiClient } from '../api/client.ts';
import { AuthProvider } from '../auth/AuthProvider.tsx';
import type { AppConfig } from './config.ts';
import { createQueryClient } from './queryClient.ts';
import { createAppRouter } from './router.tsx';

/** Providers, outermost first: data cache, API client, auth state (which clears the cache), then pages. */
export const App = ({ config }: { config: AppConfig }) => {
  // Created once per app, not per render.
  const [queryClient] = useState(createQueryClient);
  const [api] = useState(() => createApiClient({ baseUrl: config.apiUrl }));
  const [router] = useState(createAppRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={api}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </ApiProvider>
    </QueryClientProvider>
  );
};
