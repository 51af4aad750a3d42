import type { AttachmentWithUrl } from '@dml/shared/api/attachments';
import type { MentorshipLogView } from '@dml/shared/api/logs';
import type { Role } from '@dml/shared/roles';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { attachmentFixture, logFixture, meFor, uuid } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { postToS3 } from './postToS3.ts';
import { clearUploads } from './uploads.ts';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));
vi.mock('./postToS3.ts', async (original) => ({
  ...(await original<typeof import('./postToS3.ts')>()),
  postToS3: vi.fn(),
}));

beforeEach(() => {
  mockAccessToken();
  vi.mocked(postToS3).mockReset();
});
afterEach(() => {
  clearUploads();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const photo = attachmentFixture();
const pdf = attachmentFixture({
  id: uuid(802),
  file_name: 'stock-card.pdf',
  file_type: 'application/pdf',
  file_size: 1_572_864,
  download_url: 'https://files.test/attachments/stock-card.pdf?X-Amz-Signature=2',
});

const target = {
  url: 'https://bucket.s3.test/',
  fields: { key: 'pending/x', 'Content-Type': 'application/pdf', Policy: 'p' },
  expires_at: '2026-01-05T08:10:00Z',
};

/** A fake attachments API with state: registered files, their confirmation, the list. */
const renderPanel = ({
  log = logFixture(),
  role = 'mentor',
  files = [photo, pdf],
  confirm,
  routes = {},
}: {
  log?: MentorshipLogView;
  role?: Role;
  files?: AttachmentWithUrl[];
  confirm?: (request: FakeRequest, pending: AttachmentWithUrl) => unknown;
  routes?: Record<string, (request: FakeRequest) => unknown>;
} = {}) => {
  const stored = [...files];
  let next = 900;
  const api = fakeApi({
    'GET /api/auth/me': () => meFor(role),
    'GET /api/mentorship-logs/{id}/attachments': () => ({ items: stored }),
    'POST /api/attachments/upload': (request) => {
      const body = request.body as { file_name: string; file_type: string; file_size: number };
      next += 1;
      const pending = attachmentFixture({
        id: uuid(next),
        ...body,
        status: 'pending',
        version: 1,
        confirmed_at: null,
        download_url: null,
      });
      stored.push(pending);
      const { download_url: _none, ...attachment } = pending;
      return new Response(JSON.stringify({ attachment, upload: target }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    },
    'POST /api/attachments/{id}/upload-url': (request) => {
      const pending = stored.find((a) => a.id === request.params.id);
      const { download_url: _none, ...attachment } = pending ?? photo;
      return { attachment, upload: { ...target, fields: { ...target.fields, Policy: 'renewed' } } };
    },
    'POST /api/attachments/{id}/confirm': (request) => {
      const index = stored.findIndex((a) => a.id === request.params.id);
      const pending = stored[index];
      if (!pending) return errorReply(404, 'not_found', 'Attachment not found.');
      const answer = confirm?.(request, pending);
      if (answer !== undefined) return answer;
      const available = {
        ...pending,
        status: 'available' as const,
        version: 2,
        confirmed_at: '2026-01-05T08:02:00Z',
        download_url: `https://files.test/${pending.file_name}`,
      };
      stored[index] = available;
      return available;
    },
    'DELETE /api/attachments/{id}': (request) => {
      const index = stored.findIndex((a) => a.id === request.params.id);
      stored.splice(index, 1);
      return { id: request.params.id, deleted: true };
    },
    'GET /api/attachments/{id}': (request) => stored.find((a) => a.id === request.params.id),
    ...routes,
  });
  const view = renderWithProviders(<AttachmentsPanel log={log} />, {
    api: api.client,
    auth: signedInAs(role),
  });
  return { ...api, ...view, stored };
};

const pick = (label: string, ...files: File[]) =>
  fireEvent.change(screen.getByLabelText(label), { target: { files } });

/** `postToS3` under the test's control: progress and the moment it finishes. */
const controlledUpload = () => {
  const calls: { progress: (f: number) => void; finish: () => void; fail: (e: Error) => void }[] = [];
  vi.mocked(postToS3).mockImplementation(
    (_target, _file, _name, options) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ progress: (f) => options?.onProgress?.(f), finish: resolve, fail: reject });
      }),
  );
  return calls;
};

const pdfFile = (name = 'visit-notes.pdf', size = 40_000) =>
  new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('AttachmentsPanel: what is there', () => {
  it('shows photos as thumbnails and documents as download links', async () => {
    renderPanel();

    const photos = await screen.findByRole('list', { name: 'Photos' });
    const image = within(photos).getByRole('img', { name: 'register.jpg' });
    expect(image.getAttribute('src')).toBe(photo.download_url);
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(within(photos).getByRole('link', { name: 'Download register.jpg' }).getAttribute('href')).toBe(
      photo.download_url,
    );
    expect(photos.textContent).toContain('240 KB');
    const documents = screen.getByRole('list', { name: 'Documents' });
    expect(within(documents).getByRole('link', { name: 'stock-card.pdf' }).getAttribute('href')).toBe(
      pdf.download_url,
    );
    expect(documents.textContent).toContain('PDF · 1.5 MB');
    expect(screen.getByRole('heading', { name: 'Photos and documents (2)' })).toBeDefined();
  });

  it('offers the owner a file picker and, on phones, the camera', async () => {
    renderPanel();

    const files = (await screen.findByLabelText('Add files')) as HTMLInputElement;
    expect(files.type).toBe('file');
    expect(files.accept).toBe('image/*,.pdf,.docx,.xlsx,.heic');
    expect(files.multiple).toBe(true);
    const camera = screen.getByLabelText('Take a photo') as HTMLInputElement;
    expect(camera.accept).toBe('image/*');
    expect(camera.getAttribute('capture')).toBe('environment');
    expect(await screen.findAllByRole('button', { name: /^Remove / })).toHaveLength(2);
  });

  it('lets a supervisor see and download, but not add or remove', async () => {
    renderPanel({
      role: 'supervisor',
      log: logFixture({ status: 'submitted', editable_sections: [], allowed_actions: ['approve'] }),
    });

    expect(await screen.findByRole('img', { name: 'register.jpg' })).toBeDefined();
    expect(screen.queryByLabelText('Add files')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove / })).toBeNull();
  });

  it('lets an admin add files to any log that is not deleted', async () => {
    renderPanel({ role: 'admin', log: logFixture({ status: 'verified', editable_sections: [] }) });

    expect(await screen.findByLabelText('Add files')).toBeDefined();
  });

  it('reloads the list for fresh links when a thumbnail fails to load after its link expired', async () => {
    const fake = renderPanel();
    const image = await screen.findByRole('img', { name: 'register.jpg' });
    expect(fake.requestsTo('GET /api/mentorship-logs/{id}/attachments')).toHaveLength(1);

    // Six minutes later the presigned link has expired.
    const later = Date.now() + 6 * 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    fake.stored[0] = { ...photo, download_url: 'https://files.test/attachments/register.jpg?fresh' };
    fireEvent.error(image);

    await waitFor(() =>
      expect(screen.getByRole('img', { name: 'register.jpg' }).getAttribute('src')).toContain('?fresh'),
    );
    expect(fake.requestsTo('GET /api/mentorship-logs/{id}/attachments')).toHaveLength(2);
  });

  it('shows a placeholder (and keeps the link) when a fresh thumbnail cannot be shown', async () => {
    const fake = renderPanel({
      files: [attachmentFixture({ file_name: 'IMG_1.heic', file_type: 'image/heic' })],
    });
    fireEvent.error(await screen.findByRole('img', { name: 'IMG_1.heic' }));

    expect(await screen.findByText('HEIC photo')).toBeDefined();
    expect(screen.getByRole('link', { name: 'Download IMG_1.heic' })).toBeDefined();
    expect(fake.requestsTo('GET /api/mentorship-logs/{id}/attachments')).toHaveLength(1);
  });
});

describe('AttachmentsPanel: uploading', () => {
  it('registers the file, uploads it with a progress bar, confirms it and lists it', async () => {
    const uploads = controlledUpload();
    const fake = renderPanel({ files: [] });
    await screen.findByText(/No files yet/);

    pick('Add files', pdfFile());

    await waitFor(() => expect(uploads).toHaveLength(1));
    const [register] = fake.requestsTo('POST /api/attachments/upload');
    expect(register?.body).toEqual({
      mentorship_log_id: uuid(401),
      file_name: 'visit-notes.pdf',
      file_type: 'application/pdf',
      file_size: 40_000,
    });
    expect(register?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const [sentTarget, sentFile, sentName] = vi.mocked(postToS3).mock.calls[0] ?? [];
    expect(sentTarget).toMatchObject({ url: target.url, fields: target.fields });
    expect([(sentFile as Blob).size, sentName]).toEqual([40_000, 'visit-notes.pdf']);

    uploads[0]?.progress(0.4);
    const bar = await screen.findByRole('progressbar', { name: 'Uploading visit-notes.pdf' });
    await waitFor(() => expect(bar.getAttribute('value')).toBe('40'));
    expect(screen.getByText('Uploading… 40%')).toBeDefined();
    expect(screen.getByRole('list', { name: 'Uploads' }).textContent).toContain('39 KB');

    uploads[0]?.finish();

    const documents = await screen.findByRole('list', { name: 'Documents' });
    expect(within(documents).getByRole('link', { name: 'visit-notes.pdf' })).toBeDefined();
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Uploads' })).toBeNull());
    expect(fake.requestsTo('POST /api/attachments/{id}/confirm')).toHaveLength(1);
  });

  it('shrinks a large photo before asking for the upload and shows the sizes', async () => {
    const uploads = controlledUpload();
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async () => ({ width: 4000, height: 3000, close: () => {} })),
    );
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        getContext() {
          return { fillRect: () => {}, drawImage: () => {} };
        }
        async convertToBlob() {
          return new Blob([new Uint8Array(300_000)], { type: 'image/jpeg' });
        }
      },
    );
    const fake = renderPanel({ files: [] });
    await screen.findByText(/No files yet/);

    pick('Take a photo', new File([new Uint8Array(5_000_000)], 'IMG_2041.JPG', { type: 'image/jpeg' }));

    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(fake.requestsTo('POST /api/attachments/upload')[0]?.body).toMatchObject({
      file_name: 'IMG_2041.jpg',
      file_type: 'image/jpeg',
      file_size: 300_000,
    });
    expect(screen.getByRole('list', { name: 'Uploads' }).textContent).toContain(
      '4.8 MB → 293 KB (1600 × 1200)',
    );
  });

  it('retries a file the server refused on confirm with a fresh link, without a new record', async () => {
    const uploads = controlledUpload();
    let refusals = 1;
    const fake = renderPanel({
      files: [],
      confirm: () =>
        refusals-- > 0
          ? errorReply(422, 'unprocessable', 'The file is 39000 bytes, not the 40000 declared.', {
              details: [{ path: 'file', message: 'The file is 39000 bytes, not the 40000 declared.' }],
            })
          : undefined,
    });
    await screen.findByText(/No files yet/);

    pick('Add files', pdfFile());
    await waitFor(() => expect(uploads).toHaveLength(1));
    uploads[0]?.finish();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'The server refused the file: The file is 39000 bytes, not the 40000 declared.',
    );
    expect(screen.getByText('Not uploaded')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Retry visit-notes.pdf' }));
    await waitFor(() => expect(uploads).toHaveLength(2));
    expect(vi.mocked(postToS3).mock.calls[1]?.[0].fields.Policy).toBe('renewed');
    uploads[1]?.finish();

    expect(await screen.findByRole('link', { name: 'visit-notes.pdf' })).toBeDefined();
    expect(fake.requestsTo('POST /api/attachments/upload')).toHaveLength(1);
    expect(fake.requestsTo('POST /api/attachments/{id}/upload-url')).toHaveLength(1);
    expect(fake.requestsTo('POST /api/attachments/{id}/confirm')).toHaveLength(2);
  });

  it('retries an upload that lost its connection', async () => {
    const uploads = controlledUpload();
    const fake = renderPanel({ files: [] });
    await screen.findByText(/No files yet/);

    pick('Add files', pdfFile());
    await waitFor(() => expect(uploads).toHaveLength(1));
    uploads[0]?.fail(new Error('The connection dropped during the upload.'));

    expect((await screen.findByRole('alert')).textContent).toBe('The connection dropped during the upload.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry visit-notes.pdf' }));
    await waitFor(() => expect(uploads).toHaveLength(2));
    uploads[1]?.finish();

    expect(await screen.findByRole('link', { name: 'visit-notes.pdf' })).toBeDefined();
    expect(fake.requestsTo('POST /api/attachments/upload')).toHaveLength(1);
  });

  it('uploads a few files at a time and queues the rest', async () => {
    const uploads = controlledUpload();
    renderPanel({ files: [] });
    await screen.findByText(/No files yet/);

    pick('Add files', pdfFile('a.pdf'), pdfFile('b.pdf'), pdfFile('c.pdf'));

    await waitFor(() => expect(uploads).toHaveLength(2));
    expect(await screen.findByText('Waiting to upload')).toBeDefined();
    uploads[0]?.finish();
    await waitFor(() => expect(uploads).toHaveLength(3));
  });

  it('cancels an upload in flight and removes the record it had made', async () => {
    const uploads = controlledUpload();
    const fake = renderPanel({ files: [] });
    await screen.findByText(/No files yet/);

    pick('Add files', pdfFile());
    await waitFor(() => expect(uploads).toHaveLength(1));
    const signal = vi.mocked(postToS3).mock.calls[0]?.[3]?.signal;
    fireEvent.click(screen.getByRole('button', { name: 'Cancel visit-notes.pdf' }));

    expect(signal?.aborted).toBe(true);
    await waitFor(() => expect(fake.requestsTo('DELETE /api/attachments/{id}')).toHaveLength(1));
    expect(fake.requestsTo('DELETE /api/attachments/{id}')[0]?.query.get('version')).toBe('1');
    expect(screen.queryByRole('list', { name: 'Uploads' })).toBeNull();
  });

  it('refuses a file of another type before calling the API', async () => {
    const fake = renderPanel({ files: [] });
    await screen.findByText(/No files yet/);

    pick('Add files', new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }));

    expect((await screen.findByRole('alert')).textContent).toContain("setup.exe can't be attached");
    expect(fake.requestsTo('POST /api/attachments/upload')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss setup.exe' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the rate limit as the server words it, and keeps the file to retry', async () => {
    controlledUpload();
    renderPanel({
      files: [],
      routes: {
        'POST /api/attachments/upload': () =>
          errorReply(429, 'rate_limited', 'At most 30 uploads every 10 minutes; try again shortly.'),
      },
    });
    await screen.findByText(/No files yet/);

    pick('Add files', pdfFile());

    expect((await screen.findByRole('alert')).textContent).toBe(
      'At most 30 uploads every 10 minutes; try again shortly.',
    );
    expect(screen.getByRole('button', { name: 'Retry visit-notes.pdf' })).toBeDefined();
  });
});

describe('AttachmentsPanel: removing', () => {
  it('asks first, then deletes with the version it read', async () => {
    const fake = renderPanel();

    fireEvent.click(await screen.findByRole('button', { name: 'Remove stock-card.pdf' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this file?' });
    expect(dialog.textContent).toContain('stock-card.pdf (1.5 MB)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));

    await waitFor(() => expect(screen.queryByRole('list', { name: 'Documents' })).toBeNull());
    const [deleted] = fake.requestsTo('DELETE /api/attachments/{id}');
    expect(deleted?.params.id).toBe(pdf.id);
    expect(deleted?.query.get('version')).toBe('2');
  });

  it('offers to remove an upload that never finished', async () => {
    renderPanel({
      files: [attachmentFixture({ status: 'pending', download_url: null, confirmed_at: null, version: 1 })],
    });

    const unfinished = await screen.findByRole('list', { name: 'Unfinished uploads' });
    expect(unfinished.textContent).toContain('Upload not finished');
    expect(within(unfinished).getByRole('button', { name: 'Remove register.jpg' })).toBeDefined();
  });
});
