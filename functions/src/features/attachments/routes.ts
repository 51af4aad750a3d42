import { attachmentRoutes as routes } from '@dml/shared/routes/attachments';
import { storage } from '#adapters/storage';
import { implement } from '#http/route-handler';
import {
  confirmUpload,
  deleteAttachment,
  listLogAttachments,
  readAttachment,
  renewUpload,
  requestUpload,
} from './service.ts';

export const attachmentRoutes = [
  implement(routes.requestUpload, ({ actor, body, idempotencyKey, now }) =>
    requestUpload(actor, body, idempotencyKey, now, storage),
  ),
  implement(routes.renewUpload, ({ actor, params, now }) => renewUpload(actor, params.id, now, storage)),
  implement(routes.confirmUpload, ({ actor, params, now }) => confirmUpload(actor, params.id, now, storage)),
  implement(routes.getAttachment, ({ actor, params, now }) => readAttachment(actor, params.id, now, storage)),
  implement(routes.deleteAttachment, ({ actor, params, query, now }) =>
    deleteAttachment(actor, params.id, query.version, now, storage),
  ),
  implement(routes.listLogAttachments, ({ actor, params, now }) =>
    listLogAttachments(actor, params.id, now, storage),
  ),
];
