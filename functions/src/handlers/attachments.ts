import { attachmentRoutes } from '../features/attachments/routes.ts';
import { httpFunction } from '../http/function.ts';

export const handler = httpFunction(attachmentRoutes);
