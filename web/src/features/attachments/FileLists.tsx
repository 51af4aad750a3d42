import type { AttachmentWithUrl } from '@dml/shared/api/attachments';
import type { MouseEvent } from 'react';
import { formatBytes, formatDateTime } from '../../lib/format.ts';
import { documentKinds } from './documentKinds.ts';

type Remove = ((attachment: AttachmentWithUrl) => void) | undefined;

const RemoveButton = ({
  attachment,
  onRemove,
  className,
}: {
  attachment: AttachmentWithUrl;
  onRemove: (attachment: AttachmentWithUrl) => void;
  className: string;
}) => (
  <button
    type="button"
    className={className}
    onClick={() => onRemove(attachment)}
    aria-label={`Remove ${attachment.file_name}`}
  >
    Remove
  </button>
);

/** Documents (PDF, Word, Excel): a download link each, with kind, size and when it was added. */
export const DocumentList = ({
  documents,
  onOpen,
  onRemove,
}: {
  documents: readonly AttachmentWithUrl[];
  onOpen: (event: MouseEvent<HTMLAnchorElement>, attachment: AttachmentWithUrl) => void;
  onRemove: Remove;
}) => (
  <ul className="item-list attachment-docs" aria-label="Documents">
    {documents.map((attachment) => (
      <li key={attachment.id} className="item-list__item">
        <a
          href={attachment.download_url ?? undefined}
          className="item-list__title"
          onClick={(event) => onOpen(event, attachment)}
        >
          {attachment.file_name}
        </a>
        <span className="item-list__meta muted">
          {[
            documentKinds[attachment.file_type] ?? attachment.file_type,
            formatBytes(attachment.file_size),
            attachment.confirmed_at ? formatDateTime(attachment.confirmed_at) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        {onRemove && (
          <RemoveButton
            attachment={attachment}
            onRemove={onRemove}
            className="button button--link attachment-docs__remove"
          />
        )}
      </li>
    ))}
  </ul>
);

/** Records left pending by an upload that never finished (another tab, a closed app). */
export const UnfinishedList = ({
  attachments,
  onRemove,
}: {
  attachments: readonly AttachmentWithUrl[];
  onRemove: Remove;
}) => (
  <ul className="item-list" aria-label="Unfinished uploads">
    {attachments.map((attachment) => (
      <li key={attachment.id} className="item-list__item">
        <span className="item-list__title">{attachment.file_name}</span>
        <span className="muted">
          Upload not finished ({formatBytes(attachment.file_size)}).{' '}
          {onRemove ? 'Remove it and add the file again.' : ''}
        </span>
        {onRemove && (
          <RemoveButton attachment={attachment} onRemove={onRemove} className="button button--link" />
        )}
      </li>
    ))}
  </ul>
);
