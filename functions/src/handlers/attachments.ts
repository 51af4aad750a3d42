import { attachmentRoutes } from '#features/attachments/routes';
import { httpFunction } from '#http/function';

export const handler = httpFunction(attachmentRoutes);
