import type { Attachment, AttachmentWithUrl, UploadTarget } from '@dml/shared/api/attachments';
import { attachmentRoutes } from '@dml/shared/routes/attachments';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { errorMessage, isApiError } from '../../api/ApiError.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import type { ApiClient } from '../../api/client.ts';
import { attachmentKeys } from './keys.ts';
import { postToS3 } from './postToS3.ts';
import { type PreparedFile, prepareFile } from './prepare.ts';

/** Uploads at once: phones on 2G/3G do better with a few parallel transfers than with many. */
export const PARALLEL_UPLOADS = 2;

export type UploadPhase =
  | 'preparing'
  | 'waiting'
  | 'requesting'
  | 'uploading'
  | 'confirming'
  | 'failed'
  | 'rejected';

/** One picked file on its way to the log, as the panel shows it. */
export type UploadItem = Readonly<{
  key: string;
  logId: string;
  name: string;
  /** Bytes that travel (after shrinking); null until prepared. */
  size: number | null;
  originalSize: number;
  resized: PreparedFile['resized'];
  phase: UploadPhase;
  /** 0–1 while uploading. */
  progress: number;
  error: string | null;
  /** The server's record, once registered (retries reuse it). */
  attachmentId: string | null;
}>;

type Deps = {
  api: ApiClient;
  /** A file became available: put it in the log's list. */
  uploaded: (attachment: AttachmentWithUrl) => void;
  /** The log's list changed on the server (e.g. a pending record removed). */
  refresh: () => void;
};

type Entry = {
  item: UploadItem;
  source: File;
  file: PreparedFile | null;
  idempotencyKey: string;
  attachment: Attachment | null;
  controller: AbortController | null;
  deps: Deps;
};

const ACTIVE: readonly UploadPhase[] = ['requesting', 'uploading', 'confirming'];
export const isBusy = (item: UploadItem) => item.phase !== 'failed' && item.phase !== 'rejected';

/*
 * The queue lives outside React, so uploads carry on while the user moves between the log page and its
 * form (and the form keeps working while files travel).
 */
const entries = new Map<string, Entry>();
const snapshots = new Map<string, readonly UploadItem[]>();
const listeners = new Set<() => void>();
const EMPTY: readonly UploadItem[] = [];
let preparing: Promise<void> = Promise.resolve();

const publish = (logId: string) => {
  snapshots.set(
    logId,
    [...entries.values()].filter((e) => e.item.logId === logId).map((e) => e.item),
  );
  for (const listener of listeners) listener();
};

const update = (entry: Entry, changes: Partial<UploadItem>) => {
  if (entries.get(entry.item.key) !== entry) return;
  entry.item = { ...entry.item, ...changes };
  publish(entry.item.logId);
};

const remove = (entry: Entry) => {
  if (!entries.delete(entry.item.key)) return;
  publish(entry.item.logId);
};

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

const failureText = (error: unknown, step: 'request' | 'upload' | 'confirm') => {
  const message = error instanceof Error ? error.message : errorMessage(error);
  if (step === 'confirm' && isApiError(error) && error.status === 422)
    return `The server refused the file: ${message}`;
  return isApiError(error) ? errorMessage(error) : message;
};

const run = async (entry: Entry) => {
  const file = entry.file;
  if (!file) return;
  const { api } = entry.deps;
  const controller = new AbortController();
  entry.controller = controller;
  const signal = controller.signal;
  let step: 'request' | 'upload' | 'confirm' = 'request';
  try {
    update(entry, { phase: 'requesting', progress: 0, error: null });
    let target: UploadTarget | null;
    if (!entry.attachment) {
      const granted = await api.request(attachmentRoutes.requestUpload, {
        body: {
          mentorship_log_id: entry.item.logId,
          file_name: file.name,
          file_type: file.type,
          file_size: file.size,
        },
        idempotencyKey: entry.idempotencyKey,
        signal,
      });
      entry.attachment = granted.attachment;
      update(entry, { attachmentId: granted.attachment.id });
      target = granted.upload;
    } else {
      // A retry: a fresh link for the same record, never a second record.
      try {
        const renewed = await api.request(attachmentRoutes.renewUpload, {
          params: { id: entry.attachment.id },
          signal,
        });
        entry.attachment = renewed.attachment;
        target = renewed.upload;
      } catch (error) {
        // "Already uploaded": the last confirm went through but its answer was lost.
        if (!(isApiError(error) && error.status === 409)) throw error;
        target = null;
      }
    }
    if (target) {
      step = 'upload';
      update(entry, { phase: 'uploading' });
      let shown = 0;
      await postToS3(target, file.blob, file.name, {
        signal,
        onProgress: (fraction) => {
          // One render per percent is plenty, even on a fast connection.
          if (Math.floor(fraction * 100) === Math.floor(shown * 100)) return;
          shown = fraction;
          update(entry, { progress: fraction });
        },
      });
    }
    step = 'confirm';
    update(entry, { phase: 'confirming', progress: 1 });
    const available = await api.request(attachmentRoutes.confirmUpload, {
      params: { id: entry.attachment.id },
      signal,
    });
    if (entries.get(entry.item.key) !== entry) return;
    entry.deps.uploaded(available);
    remove(entry);
  } catch (error) {
    if (isAbort(error) || entries.get(entry.item.key) !== entry) return;
    update(entry, { phase: 'failed', error: failureText(error, step) });
  } finally {
    entry.controller = null;
    pump();
  }
};

const pump = () => {
  let active = [...entries.values()].filter((e) => ACTIVE.includes(e.item.phase)).length;
  for (const entry of entries.values()) {
    if (active >= PARALLEL_UPLOADS) break;
    if (entry.item.phase !== 'waiting') continue;
    active += 1;
    // Marked before the first await so the next pump does not start it twice.
    update(entry, { phase: 'requesting' });
    void run(entry);
  }
};

/** Shrinks one file at a time (decoding a 12-megapixel photo is heavy), then queues it. */
const prepare = async (entry: Entry) => {
  if (entries.get(entry.item.key) !== entry) return;
  const prepared = await prepareFile(entry.source);
  if (!prepared.ok) {
    update(entry, { phase: 'rejected', error: prepared.message });
    return;
  }
  entry.file = prepared.file;
  update(entry, {
    name: prepared.file.name,
    size: prepared.file.size,
    resized: prepared.file.resized,
    phase: 'waiting',
  });
  pump();
};

let counter = 0;
const addFiles = (logId: string, files: readonly File[], deps: Deps) => {
  for (const source of files) {
    counter += 1;
    const entry: Entry = {
      item: {
        key: `upload-${counter}`,
        logId,
        name: source.name,
        size: null,
        originalSize: source.size,
        resized: null,
        phase: 'preparing',
        progress: 0,
        error: null,
        attachmentId: null,
      },
      source,
      file: null,
      idempotencyKey: crypto.randomUUID(),
      attachment: null,
      controller: null,
      deps,
    };
    entries.set(entry.item.key, entry);
    preparing = preparing.then(() => prepare(entry)).catch(() => undefined);
  }
  publish(logId);
};

const retry = (key: string) => {
  const entry = entries.get(key);
  if (entry?.item.phase !== 'failed') return;
  update(entry, { phase: 'waiting', error: null, progress: 0 });
  pump();
};

/** Stops an upload (or forgets a failed one); a record already made on the server is removed too. */
const cancel = (key: string) => {
  const entry = entries.get(key);
  if (!entry) return;
  remove(entry);
  entry.controller?.abort();
  const pending = entry.attachment;
  if (pending) {
    void entry.deps.api
      .request(attachmentRoutes.deleteAttachment, {
        params: { id: pending.id },
        query: { version: pending.version },
      })
      .catch(() => undefined)
      .finally(entry.deps.refresh);
  }
  pump();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** Tests: forget every upload between tests. */
export const clearUploads = () => {
  for (const entry of entries.values()) entry.controller?.abort();
  entries.clear();
  snapshots.clear();
  preparing = Promise.resolve();
};

/**
 * A log's uploads: add picked files (checked, shrunk, then sent a few at a time), retry a failed one
 * (a fresh link for the same record, upload, confirm), cancel or forget one. While files are on their
 * way, leaving the app asks first.
 */
export const useUploads = (logId: string) => {
  const api = useApi();
  const client = useQueryClient();
  const items = useSyncExternalStore(
    subscribe,
    () => snapshots.get(logId) ?? EMPTY,
    () => EMPTY,
  );

  const deps = useMemo<Deps>(
    () => ({
      api,
      uploaded: (attachment) => {
        client.setQueryData<{ items: AttachmentWithUrl[] }>(attachmentKeys.ofLog(logId), (data) =>
          data
            ? {
                items: data.items.some((a) => a.id === attachment.id)
                  ? data.items.map((a) => (a.id === attachment.id ? attachment : a))
                  : [...data.items, attachment],
              }
            : data,
        );
        void client.invalidateQueries({ queryKey: attachmentKeys.ofLog(logId) });
      },
      refresh: () => void client.invalidateQueries({ queryKey: attachmentKeys.ofLog(logId) }),
    }),
    [api, client, logId],
  );

  const busy = items.some(isBusy);
  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  const add = useCallback((files: readonly File[]) => addFiles(logId, files, deps), [logId, deps]);
  return { items, add, retry, cancel, busy };
};
