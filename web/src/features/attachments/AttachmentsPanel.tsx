import { type AttachmentWithUrl, isImageType, MAX_ATTACHMENTS_PER_LOG } from '@dml/shared/api/attachments';
import type { MentorshipLogView } from '@dml/shared/api/logs';
import { type ChangeEvent, type MouseEvent, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useViewer } from '../../layout/useViewer.ts';
import { formatBytes } from '../../lib/format.ts';
import { plural } from '../../lib/text.ts';
import { AddFiles } from './AddFiles.tsx';
import { LINK_FRESH_MS, useDeleteAttachment, useFreshLink, useLogAttachments } from './api.ts';
import { DocumentList, UnfinishedList } from './FileLists.tsx';
import { Thumbnail } from './Thumbnail.tsx';
import { UploadRow } from './UploadRow.tsx';
import { isBusy, useUploads } from './uploads.ts';

/** A thumbnail whose link failed this soon after loading the list is broken, not expired. */
const EXPIRED_AFTER_MS = 30_000;

/**
 * A log's photos and documents: thumbnails and download links for everyone who
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
          <DocumentList documents={documents} onOpen={open} onRemove={canChange ? setRemoving : undefined} />
        )}
        {unfinished.length > 0 && (
          <UnfinishedList attachments={unfinished} onRemove={canChange ? setRemoving : undefined} />
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

      {canChange && <AddFiles room={room} onPick={pick} />}
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
