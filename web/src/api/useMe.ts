// Route groups are imported one by one: the barrel's full route table would put every feature's
// schemas into the first download.
import { systemRoutes } from '@dml/shared/routes/system';
import { useQuery } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';

/** Query keys live beside their hooks; sign-out clears the whole cache. */
export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user's profile (`GET /api/auth/me`), shared by the layout, home and profile pages. */
export const useMe = () => {
  const api = useApi();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.request(systemRoutes.authMe, { signal }),
  });
};
