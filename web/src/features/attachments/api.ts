import type { AttachmentWithUrl } from '@dml/shared/api/attachments';
import { attachmentRoutes } from '@dml/shared/routes/attachments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider.tsx';
import { attachmentKeys } from './keys.ts';

/** Download links are presigned for 5 minutes: older than this, ask for a fresh one before using it. */
export const LINK_FRESH_MS = 4 * 60_000;

/** A log's files, each with a short-lived link (null while pending). */
export const useLogAttachments = (logId: string) => {
  const api = useApi();
  return useQuery({
    queryKey: attachmentKeys.ofLog(logId),
    queryFn: ({ signal }) =>
      api.request(attachmentRoutes.listLogAttachments, { params: { id: logId }, signal }),
    // The links expire after 5 minutes: refresh a little before, while the page is open.
    refetchInterval: LINK_FRESH_MS,
  });
};

/** A fresh download link for one file (the list's may have expired). */
export const useFreshLink = () => {
  const api = useApi();
  return (id: string) => api.request(attachmentRoutes.getAttachment, { params: { id } });
};

export const useDeleteAttachment = (logId: string) => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attachment: AttachmentWithUrl) =>
      api.request(attachmentRoutes.deleteAttachment, {
        params: { id: attachment.id },
        query: { version: attachment.version },
      }),
    onSuccess: ({ id }) => {
      client.setQueryData<{ items: AttachmentWithUrl[] }>(
        attachmentKeys.ofLog(logId),
        (data) => data && { items: data.items.filter((a) => a.id !== id) },
      );
      void client.invalidateQueries({ queryKey: attachmentKeys.ofLog(logId) });
    },
  });
};
