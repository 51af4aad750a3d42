import {
  type AttachmentWithUrl,
  isImageType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_LOG,
  MAX_IMAGE_EDGE_PX,
} from '@dml/shared/api/attachments';
import type { MentorshipLogView } from '@dml/shared/api/logs';
import { type ChangeEvent, type MouseEvent, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useViewer } from '../../layout/useViewer.ts';
import { formatBytes, formatDateTime } from '../../lib/format.ts';
import { plural } from '../../lib/text.ts';
import { LINK_FRESH_MS, useDeleteAttachment, useFreshLink, useLogAttachments } from './api.ts';
import { ACCEPT_CAMERA, ACCEPT_FILES } from './prepare.ts';
import { isBusy, type UploadItem, useUploads } from './uploads.ts';

/** A thumbnail whose link failed this soon after loading the list is broken, not expired. */
const EXPIRED_AFTER_MS = 30_000;

const documentKinds: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'image/heic': 'HEIC photo',
};

const sizeText = (item: UploadItem) => {
  if (item.size === null) return formatBytes(item.originalSize);
  if (!item.resized) return formatBytes(item.size);
  const [width, height] = item.resized.to;
  return `${formatBytes(item.originalSize)} → ${formatBytes(item.size)} (${width} × ${height})`;
};

const phaseText = (item: UploadItem) => {
  switch (item.phase) {
    case 'preparing':
      return 'Getting it ready…';
    case 'waiting':
      return 'Waiting to upload';
    case 'requesting':
      return 'Starting the upload…';
    case 'uploading':
      return `Uploading… ${Math.round(item.progress * 100)}%`;
    case 'confirming':
      return 'Checking the file…';
    case 'failed':
      return 'Not uploaded';
    case 'rejected':
      return 'Not added';
  }
};

const UploadRow = ({
  item,
  onRetry,
  onCancel,
}: {
  item: UploadItem;
  onRetry: () => void;
  onCancel: () => void;
}) => {
  const sending = item.phase === 'uploading' || item.phase === 'confirming' || item.phase === 'requesting';
  return (
    <li className={`upload upload--${item.phase}`}>
      <div className="upload__head">
        <span className="upload__name">{item.name}</span>
        <span className="upload__size muted">{sizeText(item)}</span>
      </div>
      {sending && (
        <progress
          className="upload__bar"
          max={100}
          value={Math.round(item.progress * 100)}
          aria-label={`Uploading ${item.name}`}
        />
      )}
      <p className="upload__status">{phaseText(item)}</p>
      {item.error && (
        <p className="field__error" role="alert">
          {item.error}
        </p>
      )}
      <div className="upload__buttons">
        {item.phase === 'failed' && (
          <button type="button" className="button" onClick={onRetry} aria-label={`Retry ${item.name}`}>
            Retry
          </button>
        )}
        <button
          type="button"
          className="button button--link"
          onClick={onCancel}
          aria-label={`${isBusy(item) ? 'Cancel' : 'Dismiss'} ${item.name}`}
        >
          {isBusy(item) ? 'Cancel' : 'Dismiss'}
        </button>
      </div>
    </li>
  );
};

/** A photo's preview: a link to the file, an expired link renewed by reloading the list. */
const Thumbnail = ({
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

/**
 * A log's photos and documents (seeds/000 attachments): thumbnails and download links for everyone who
 * can read the log; for its owner while it is editable (and admins), adding files — from the gallery or
 * the camera — with each file's progress, retry and removal. Photos are shrunk on the phone first.
 */
export const AttachmentsPanel = ({ log }: { log: MentorshipLogView }) => {
  const { role } = useViewer();
  const canChange = !log.deleted_at && (log.editable_sections.length > 0 || role === 'admin');
  const list = useLogAttachments(log.id);
  const uploads = useUploads(log.id);
  const remove = useDeleteAttachment(log.id);
  const freshLink = useFreshLink();
  const [removing, setRemoving] = useState<AttachmentWithUrl | null>(null);
  const [pickProblem, setPickProblem] = useState<string | null>(null);
  const [openProblem, setOpenProblem] = useState<string | null>(null);

  const items = list.data?.items ?? [];
  const mine = new Set(uploads.items.map((u) => u.attachmentId).filter(Boolean));
  const available = items.filter((a) => a.status === 'available');
  const photos = available.filter((a) => isImageType(a.file_type));
  const documents = available.filter((a) => !isImageType(a.file_type));
  // Records left pending by an upload that never finished (another tab, a closed app).
  const unfinished = items.filter((a) => a.status === 'pending' && !mine.has(a.id));
  const queued = uploads.items.filter((u) => isBusy(u) && !u.attachmentId).length;
  const room = MAX_ATTACHMENTS_PER_LOG - items.length - queued;

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // The same file can be picked again later (e.g. after removing it).
    event.target.value = '';
    if (files.length === 0) return;
    setPickProblem(null);
    const taken = files.slice(0, Math.max(0, room));
    if (taken.length < files.length) {
      setPickProblem(
        `A log holds at most ${MAX_ATTACHMENTS_PER_LOG} files: ${plural(files.length - taken.length, 'file was', 'files were')} not added.`,
      );
    }
    uploads.add(taken);
  };

  /** A thumbnail failed: reload the list when its links may have expired; false when they cannot have. */
  const linkFailed = () => {
    if (Date.now() - list.dataUpdatedAt < EXPIRED_AFTER_MS) return false;
    void list.refetch({ cancelRefetch: false });
    return true;
  };

  /** Links older than a few minutes may have expired: fetch a fresh one before opening. */
  const open = (event: MouseEvent<HTMLAnchorElement>, attachment: AttachmentWithUrl) => {
    if (attachment.download_url && Date.now() - list.dataUpdatedAt < LINK_FRESH_MS) return;
    event.preventDefault();
    setOpenProblem(null);
    freshLink(attachment.id).then(
      (fresh) => {
        if (fresh.download_url) window.location.assign(fresh.download_url);
        else setOpenProblem(`${attachment.file_name} is not uploaded yet.`);
      },
      (error: unknown) => setOpenProblem(errorMessage(error)),
    );
  };

  const body = () => {
    if (list.isPending || list.isError) {
      return (
        <QueryStatus
          query={list}
          loadingLabel="Loading files…"
          rows={2}
          errorTitle="We couldn't load the files"
        />
      );
    }
    if (available.length === 0 && unfinished.length === 0 && uploads.items.length === 0) {
      return (
        <p className="muted">
          {canChange ? 'No files yet. Add photos of registers, stock cards or the session.' : 'No files.'}
        </p>
      );
    }
    return (
      <>
        {photos.length > 0 && (
          <ul className="thumbs" aria-label="Photos">
            {photos.map((attachment) => (
              <Thumbnail
                // A new link (after a refresh) gives the image a fresh start.
                key={`${attachment.id}:${attachment.download_url}`}
                attachment={attachment}
                onLinkFailed={linkFailed}
                onOpen={open}
                onRemove={canChange ? () => setRemoving(attachment) : undefined}
              />
            ))}
          </ul>
        )}
        {documents.length > 0 && (
          <ul className="item-list attachment-docs" aria-label="Documents">
            {documents.map((attachment) => (
              <li key={attachment.id} className="item-list__item">
                <a
                  href={attachment.download_url ?? undefined}
                  className="item-list__title"
                  onClick={(event) => open(event, attachment)}
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
                {canChange && (
                  <button
                    type="button"
                    className="button button--link attachment-docs__remove"
                    onClick={() => setRemoving(attachment)}
                    aria-label={`Remove ${attachment.file_name}`}
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {unfinished.length > 0 && (
          <ul className="item-list" aria-label="Unfinished uploads">
            {unfinished.map((attachment) => (
              <li key={attachment.id} className="item-list__item">
                <span className="item-list__title">{attachment.file_name}</span>
                <span className="muted">
                  Upload not finished ({formatBytes(attachment.file_size)}).{' '}
                  {canChange ? 'Remove it and add the file again.' : ''}
                </span>
                {canChange && (
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => setRemoving(attachment)}
                    aria-label={`Remove ${attachment.file_name}`}
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  };

  const busyCount = uploads.items.filter(isBusy).length;
  return (
    <section className="section" aria-labelledby={`log-files-${log.id}`}>
      <div className="section__header">
        <h2 id={`log-files-${log.id}`}>
          Photos and documents
          {available.length > 0 && <span className="muted"> ({available.length})</span>}
        </h2>
      </div>

      {canChange && (
        <div className="attach">
          <div className="attach__buttons">
            <label className={`button button--primary attach__pick${room <= 0 ? ' attach__pick--off' : ''}`}>
              Add files
              <input
                type="file"
                className="visually-hidden"
                accept={ACCEPT_FILES}
                multiple
                disabled={room <= 0}
                onChange={pick}
              />
            </label>
            <label className={`button attach__pick attach__camera${room <= 0 ? ' attach__pick--off' : ''}`}>
              Take a photo
              <input
                type="file"
                className="visually-hidden"
                accept={ACCEPT_CAMERA}
                capture="environment"
                disabled={room <= 0}
                onChange={pick}
              />
            </label>
          </div>
          <p className="field__hint">
            Photos are shrunk to {MAX_IMAGE_EDGE_PX} px before they are sent. PDF, Word and Excel files up to{' '}
            {formatBytes(MAX_ATTACHMENT_BYTES)}; at most {MAX_ATTACHMENTS_PER_LOG} files a log.
            {room <= 0 ? ' This log is full: remove a file to add another.' : ''}
          </p>
        </div>
      )}
      {pickProblem && (
        <p className="form__alert" role="alert">
          {pickProblem}
        </p>
      )}
      {openProblem && (
        <p className="form__alert" role="alert">
          {openProblem}
        </p>
      )}
      {uploads.items.length > 0 && (
        <ul className="uploads" aria-label="Uploads">
          {uploads.items.map((item) => (
            <UploadRow
              key={item.key}
              item={item}
              onRetry={() => uploads.retry(item.key)}
              onCancel={() => uploads.cancel(item.key)}
            />
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite">
        {busyCount > 0 ? `${plural(busyCount, 'file', 'files')} on the way` : ''}
      </p>
      {body()}

      {removing && (
        <ConfirmDialog
          title="Remove this file?"
          confirmLabel="Remove"
          busyLabel="Removing…"
          danger
          busy={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : undefined}
          onConfirm={() => remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
          onCancel={() => {
            remove.reset();
            setRemoving(null);
          }}
        >
          <p>
            {removing.file_name} ({formatBytes(removing.file_size)}) is removed from this log for everyone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
};
