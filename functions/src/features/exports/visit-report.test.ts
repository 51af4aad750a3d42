import { type Attachment, type FollowUp, newDraftLog } from '@dml/shared';
import { describe, expect, it } from 'vitest';
import { makeJpeg, pdfimages, pdftotext, poppler, rgbaPng } from './pdf/test-fixtures.ts';
import { buildVisitReport, type Photo } from './visit-report.ts';

const at = '2024-05-06T09:30:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const log = newDraftLog(
  {
    id: id(1),
    facility_id: id(2),
    facility_name: 'Ɗanbatta General Hospital',
    mentor_id: id(3),
    mentor_name: 'Amina Bello',
    visit_date: '2024-05-06',
  },
  at,
  {
    status: 'verified',
    performance_summary: `ANC coverage rose to 78%. ${'Registers are complete and checked weekly by the in-charge. '.repeat(12)}`,
    identified_gaps: 'Stock-outs of “oxytocin” twice • cold chain log gaps – see notes…',
    staff_to_engage: ['Midwife Ḥadiza', 'CHEW Musa'],
    objectives: [
      { id: id(4), sequence: 1, objective_text: 'Review ANC registers', created_at: at },
      { id: id(5), sequence: 2, objective_text: 'Observe two deliveries 😀', created_at: at },
    ],
    visit_outcomes: 'Line one\nLine two after a break',
    review_trail: [
      {
        action: 'submit',
        from: 'draft',
        to: 'submitted',
        by: id(3),
        by_name: 'Amina Bello',
        at,
        comment: null,
      },
      {
        action: 'approve',
        from: 'submitted',
        to: 'approved',
        by: id(6),
        by_name: 'Dr Okafor',
        at,
        comment: 'Go ahead',
      },
    ],
  },
);

const followUp: FollowUp = {
  id: id(7),
  mentorship_log_id: log.id,
  facility_id: log.facility_id,
  facility_name: log.facility_name,
  log_owner_id: log.mentor_id,
  action_item: 'Order oxytocin for Q3',
  status: 'in_progress',
  assigned_to: id(8),
  assigned_to_name: 'Pharmacist Bala',
  due_date: '2024-06-01',
  notes: null,
  history: [],
  created_by: log.mentor_id,
  created_at: at,
  updated_at: at,
  completed_at: null,
  version: 1,
};

/** A PNG whose header claims another size: a small file posing as a huge picture. */
const claimsPixels = (png: Uint8Array, width: number, height: number) => {
  const bytes = Buffer.from(png);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return new Uint8Array(bytes);
};

const photo = (n: number, file_name: string, file_type: string, bytes: Uint8Array): Photo => ({
  attachment: {
    id: id(100 + n),
    mentorship_log_id: log.id,
    file_name,
    file_type,
    file_size: bytes.length,
    status: 'available',
    uploaded_by: log.mentor_id,
    created_at: at,
    updated_at: at,
    confirmed_at: at,
    version: 1,
  } satisfies Attachment,
  bytes,
});

describe('the PDF visit report', () => {
  it('lays out every section, wrapping long text, across pages, with JPEG and PNG photos', async () => {
    const photos = [
      photo(
        1,
        'ward.jpg',
        'image/jpeg',
        makeJpeg(160, 120, (x, y) => [x, y * 2, 150]),
      ),
      photo(
        2,
        'register.png',
        'image/png',
        rgbaPng(90, 120, (x, y) => [40, x * 2, y * 2, x < 80 ? 255 : 0]),
      ),
      photo(3, 'broken.jpg', 'image/jpeg', Uint8Array.from([0xff, 0xd8, 0, 0])),
      photo(4, 'phone.heic', 'image/heic', Uint8Array.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70])),
      photo(
        5,
        'huge.png',
        'image/png',
        claimsPixels(
          rgbaPng(4, 4, () => [0, 0, 0, 255]),
          6000,
          6000,
        ),
      ),
    ];
    const pdf = await buildVisitReport(log, [followUp], photos, new Date(at));

    const info = poppler('pdfinfo', [], pdf);
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/^Title:\s+Visit report — Ɗanbatta General Hospital — 2024-05-06$/m);
    const text = pdftotext(pdf);
    for (const expected of [
      '?anbatta General Hospital',
      'Planning',
      'Stock-outs of “oxytocin” twice • cold chain log gaps – see notes…',
      'Midwife ?adiza, CHEW Musa',
      '1. Review ANC registers',
      '2. Observe two deliveries ?',
      'Line one\nLine two after a break',
      '• Order oxytocin for Q3',
      'Pharmacist Bala · due 2024-06-01 · in progress',
      'ward.jpg',
      'register.png',
      'submit (draft to submitted) by Amina Bello',
      '“Go ahead”',
    ])
      expect(text).toContain(expected);
    // The long summary wraps into several lines, each within the page, no word cut.
    const summaryLines = text.split('\n').filter((l) => l.includes('Registers are complete'));
    expect(summaryLines.length).toBeGreaterThan(3);
    expect(text).not.toMatch(/Regis\n/);
    // Photos a PDF cannot hold are named, not silently dropped.
    expect(text).toContain('Not shown here (open them in the app): broken.jpg, phone.heic, huge.png');
    expect(
      pdfimages(pdf).map(({ type, width, height, encoding }) => `${type} ${width}×${height} ${encoding}`),
    ).toEqual(['image 160×120 jpeg', 'image 90×120 image', 'smask 90×120 image']);
  });

  it('starts a new page when the text runs past the bottom margin', async () => {
    const long = {
      ...log,
      lessons_learned: Array.from({ length: 120 }, (_, i) => `Lesson ${i + 1}.`).join('\n'),
    };
    const pdf = await buildVisitReport(long, [], [], new Date(at));
    expect(Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [], pdf).stdout)?.[1])).toBeGreaterThanOrEqual(
      3,
    );
    const text = pdftotext(pdf);
    for (const n of [1, 60, 120]) expect(text).toContain(`Lesson ${n}.`);
    expect(text).toContain('Generated 2024-05-06 09:30 UTC');
  });
});
