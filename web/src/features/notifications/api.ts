import type { Notification } from '@dml/shared/api/notifications';
import { followUpRoutes } from '@dml/shared/routes/follow-ups';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider.tsx';
import { notificationKeys } from './keys.ts';

/** How often the bell asks for the unread count while the tab is visible. */
export const SUMMARY_POLL_MS = 60_000;
export const NOTIFICATION_PANEL_SIZE = 20;

type List = { items: Notification[]; next_cursor: string | null };

/** The unread count: every minute while the tab is visible, and whenever the window regains focus. */
export const useUnreadCount = () => {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.summary,
    queryFn: ({ signal }) => api.request(followUpRoutes.notificationSummary, { signal }),
    refetchInterval: SUMMARY_POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
};

/** The latest notifications, unread first (read only while the panel is open). */
export const useNotifications = (enabled: boolean) => {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ signal }) =>
      api.request(followUpRoutes.listNotifications, { query: { limit: NOTIFICATION_PANEL_SIZE }, signal }),
    enabled,
    staleTime: 0,
  });
};

/** Marks one read at once on screen (count and list), then tells the server. */
export const useMarkRead = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.request(followUpRoutes.readNotification, { params: { id } }),
    onMutate: (id) => {
      const at = new Date().toISOString();
      client.setQueryData<List>(
        notificationKeys.list,
        (list) =>
          list && {
            ...list,
            items: list.items.map((n) => (n.id === id && !n.read_at ? { ...n, read_at: at } : n)),
          },
      );
      client.setQueryData<{ unread_count: number }>(
        notificationKeys.summary,
        (summary) => summary && { unread_count: Math.max(0, summary.unread_count - 1) },
      );
    },
    onSettled: () => void client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
};

export const useMarkAllRead = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.request(followUpRoutes.readAllNotifications),
    onSuccess: () => {
      const at = new Date().toISOString();
      client.setQueryData<List>(
        notificationKeys.list,
        (list) => list && { ...list, items: list.items.map((n) => ({ ...n, read_at: n.read_at ?? at })) },
      );
      client.setQueryData(notificationKeys.summary, { unread_count: 0 });
    },
    onSettled: () => void client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
};
