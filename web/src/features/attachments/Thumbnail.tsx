import type { AttachmentWithUrl } from '@dml/shared/api/attachments';
import { type MouseEvent, useState } from 'react';
import { formatBytes } from '../../lib/format.ts';
import { documentKinds } from './documentKinds.ts';

/** A photo's preview: a link to the file, an expired link renewed by reloading the list. */
export const Thumbnail = ({
  attachment,
  onLinkFailed,
  onOpen,
  onRemove,
}: {
  attachment: AttachmentWithUrl;
  onLinkFailed: () => boolean;
  onOpen: (event: MouseEvent<HTMLAnchorElement>, attachment: AttachmentWithUrl) => void;
  onRemove?: () => void;
}) => {
  const [broken, setBroken] = useState(false);
  const url = attachment.download_url ?? undefined;
  return (
    <li className="thumb">
      <a
        href={url}
        className="thumb__link"
        onClick={(event) => onOpen(event, attachment)}
        aria-label={`Download ${attachment.file_name}`}
      >
        {broken || !url ? (
          <span className="thumb__placeholder" aria-hidden="true">
            {documentKinds[attachment.file_type] ?? 'Photo'}
          </span>
        ) : (
          <img
            className="thumb__image"
            src={url}
            alt={attachment.file_name}
            loading="lazy"
            decoding="async"
            onError={() => {
              // An expired link: the list reloads with fresh ones (and this thumbnail with it).
              if (!onLinkFailed()) setBroken(true);
            }}
          />
        )}
      </a>
      <div className="thumb__caption">
        <span className="thumb__name">{attachment.file_name}</span>
        <span className="muted">{formatBytes(attachment.file_size)}</span>
      </div>
      {onRemove && (
        <button
          type="button"
          className="button button--link thumb__remove"
          onClick={onRemove}
          aria-label={`Remove ${attachment.file_name}`}
        >
          Remove
        </button>
      )}
    </li>
  );
};
