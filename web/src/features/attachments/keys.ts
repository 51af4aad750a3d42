/** React Query keys of the attachments feature. */
export const attachmentKeys = {
  all: ['attachments'] as const,
  ofLog: (logId: string) => ['attachments', 'log', logId] as const,
};
