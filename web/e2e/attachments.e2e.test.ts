import { readFile, stat } from 'node:fs/promises';
import { type BucketProbe, createBucketProbe } from '@dml/infra/local/testing/bucket';
import { DEFAULT_TIME_ZONE, todayIn } from '@dml/shared/domain/dates';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phone, screenshot } from './support/browser.ts';
import { browserSession } from './support/session.ts';

const FACILITY = 'Kano Municipal Primary Health Centre';

const e2e = browserSession();
let s3: BucketProbe;
beforeAll(() => {
  s3 = createBucketProbe(e2e.stack.outputs);
});
afterAll(() => {
  s3?.destroy();
});

/** A 4000 × 3000 JPEG as a phone camera would make it, drawn and encoded by Chromium itself. */
const bigJpeg = async (page: Page): Promise<Buffer> => {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    const gradient = context.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, '#0f4c5c');
    gradient.addColorStop(1, '#f2a900');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 4000, 3000);
    // Some detail, so the photo is not trivially small.
    for (let i = 0; i < 400; i += 1) {
      context.fillStyle = `hsl(${(i * 37) % 360} 70% 50%)`;
      context.fillRect((i * 97) % 4000, (i * 61) % 3000, 120, 80);
    }
    context.fillStyle = '#fff';
    context.font = 'bold 240px sans-serif';
    context.fillText('ANC register', 400, 1500);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
};

/** Width and height from a JPEG's start-of-frame marker (SOF0–SOF15, not DHT/JPG/DAC). */
const jpegSize = (bytes: Uint8Array): { width: number; height: number } => {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG');
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) throw new Error(`bad marker at ${offset}`);
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      const height = ((bytes[offset + 5] ?? 0) << 8) | (bytes[offset + 6] ?? 0);
      const width = ((bytes[offset + 7] ?? 0) << 8) | (bytes[offset + 8] ?? 0);
      return { width, height };
    }
    offset += 2 + length;
  }
  throw new Error('no SOF marker');
};

const objectsOf = (logId: string) => s3.list(`attachments/${logId}/`);

describe('attachments', () => {
  it('a mentor attaches a 4000 × 3000 photo from a phone: it is shrunk to 1600 px, shown, and the supervisor downloads it', async () => {
    const today = todayIn(DEFAULT_TIME_ZONE, new Date());

    // The mentor plans a visit (a draft) on a phone, then opens the log.
    const m = await e2e.open('mentor@example.org', { ...phone });
    await m.goto(`${e2e.stack.outputs.webUrl}/logs/new`);
    await m.getByLabel('Facility', { exact: true }).selectOption({ label: FACILITY });
    await m.getByLabel('Visit date', { exact: true }).fill(today);
    await m.getByLabel('Objective 1', { exact: true }).fill('Photograph the ANC register pages');
    await m.getByRole('button', { name: 'Save draft' }).click();
    await m.waitForURL(/\/logs\/[0-9a-f-]{36}\/edit$/);
    await m.getByRole('link', { name: 'Back to the log' }).click();
    await m.waitForURL(/\/logs\/[0-9a-f-]{36}$/);
    const logUrl = m.url();
    const logId = logUrl.split('/').at(-1) ?? '';
    await m.getByRole('heading', { level: 2, name: /Photos and documents/ }).waitFor();

    // A 12-megapixel photo from the gallery.
    const original = await bigJpeg(m);
    expect(jpegSize(original)).toEqual({ width: 4000, height: 3000 });
    await m.getByLabel('Add files').setInputFiles({
      name: 'anc-register.jpg',
      mimeType: 'image/jpeg',
      buffer: original,
    });

    // Shown as a thumbnail once uploaded and confirmed.
    const thumbnail = m.getByRole('list', { name: 'Photos' }).getByRole('img', { name: 'anc-register.jpg' });
    await thumbnail.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await screenshot(m, 'attachments-mentor-phone');

    // What landed in the bucket is at most 1600 px on its long side.
    const objects = await objectsOf(logId);
    expect(objects).toHaveLength(1);
    const key = objects[0]?.key ?? '';
    expect(key).toMatch(new RegExp(`^attachments/${logId}/[0-9a-f-]{36}/anc-register\\.jpg$`));
    const stored = await s3.bytes(key);
    const size = jpegSize(stored);
    expect(Math.max(size.width, size.height)).toBe(1600);
    expect(size).toEqual({ width: 1600, height: 1200 });
    expect(stored.length).toBeLessThan(original.length);

    // The supervisor opens the log and downloads the photo: the same bytes.
    const s = await e2e.open('supervisor@example.org');
    await s.goto(logUrl);
    const link = s.getByRole('link', { name: 'Download anc-register.jpg' });
    await link.waitFor();
    expect(await s.getByLabel('Add files').count()).toBe(0);
    const href = (await link.getAttribute('href')) ?? '';
    const response = await s.request.get(href);
    expect(response.status()).toBe(200);
    expect((await response.body()).length).toBe(stored.length);

    const [download] = await Promise.all([s.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('anc-register.jpg');
    expect((await stat(await download.path())).size).toBe(stored.length);
    await screenshot(s, 'attachments-supervisor-desktop');

    // The visit report as a PDF (with the photo), straight from the log page.
    const [pdf] = await Promise.all([
      s.waitForEvent('download', { timeout: 30_000 }),
      s.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');
    await s.getByText(/is ready/).waitFor();

    // The logs list, filtered to this facility, as an Excel workbook.
    await s.goto(`${e2e.stack.outputs.webUrl}/logs`);
    await s.getByLabel('Facility', { exact: true }).selectOption({ label: FACILITY });
    await s.getByRole('table', { name: 'Logs' }).waitFor();
    const [xlsx] = await Promise.all([
      s.waitForEvent('download', { timeout: 30_000 }),
      s.getByRole('button', { name: 'Export to Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^mentorship-visits-.*\.xlsx$/);
    expect((await readFile(await xlsx.path())).subarray(0, 2).toString()).toBe('PK');
    await s.getByText(/is ready \(\d+ visits?, \d+ follow-ups?\)/).waitFor();
  });
});
