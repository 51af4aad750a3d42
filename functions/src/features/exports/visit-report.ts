import {
  type Attachment,
  type FollowUp,
  logFieldLabels,
  type MentorshipLog,
  planningTextFields,
} from '@dml/shared';
import { type Color, PdfDocument, type PdfFont, type PdfImage, type PdfPage, rgb } from './pdf/document.ts';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const INK = rgb(0.11, 0.16, 0.21);
const MUTED = rgb(0.36, 0.42, 0.48);
const ACCENT = rgb(0.06, 0.29, 0.36);

export type Photo = { attachment: Attachment; bytes: Uint8Array };

/**
 * Lays text out top to bottom across as many A4 pages as it needs. The standard PDF fonts encode
 * WinAnsi only, so characters outside it (emoji, some Hausa letters) are replaced rather than failing
 * the whole report.
 */
class Layout {
  page: PdfPage;
  y: number;

  constructor(
    private readonly doc: PdfDocument,
    private readonly font: PdfFont,
    private readonly bold: PdfFont,
  ) {
    this.page = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  clean(text: string) {
    return [...text.replace(/\r/g, '')].map((c) => (c === '\n' || this.font.canEncode(c) ? c : '?')).join('');
  }

  ensure(height: number) {
    if (this.y - height < MARGIN) {
      this.page = this.doc.addPage([A4.width, A4.height]);
      this.y = A4.height - MARGIN;
    }
  }

  lines(text: string, size: number, font: PdfFont, width: number) {
    const out: string[] = [];
    for (const paragraph of this.clean(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
        else {
          out.push(line);
          line = word;
        }
      }
      out.push(line);
    }
    return out;
  }

  text(
    text: string,
    options: {
      size?: number;
      bold?: boolean;
      color?: Color;
      indent?: number;
      gap?: number;
    } = {},
  ) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const x = MARGIN + (options.indent ?? 0);
    for (const line of this.lines(text, size, font, A4.width - MARGIN - x)) {
      this.ensure(size * 1.4);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: options.color ?? INK });
      this.y -= size * 1.4;
    }
    this.y -= options.gap ?? 2;
  }

  heading(text: string) {
    this.ensure(40);
    this.y -= 10;
    this.text(text, { size: 13, bold: true, color: ACCENT, gap: 4 });
  }

  field(label: string, value: string | null | undefined) {
    if (!value) return;
    this.text(label, { size: 8, bold: true, color: MUTED, gap: 0 });
    this.text(value, { gap: 6 });
  }

  images(photos: { image: PdfImage; caption: string }[]) {
    const size = 150;
    const perRow = 3;
    for (let i = 0; i < photos.length; i += perRow) {
      this.ensure(size + 24);
      photos.slice(i, i + perRow).forEach(({ image, caption }, column) => {
        const scale = Math.min(size / image.width, size / image.height);
        const x = MARGIN + column * (size + 12);
        this.page.drawImage(image, {
          x,
          y: this.y - image.height * scale,
          width: image.width * scale,
          height: image.height * scale,
        });
        // A thumbnail's caption (its file name) is cut to the width of its column.
        this.page.drawText(this.clean(caption).slice(0, 34), {
          x,
          y: this.y - size - 12,
          size: 7,
          font: this.font,
          color: MUTED,
        });
      });
      this.y -= size + 24;
    }
  }
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const checkInText = (log: MentorshipLog) => {
  const c = log.check_in;
  if (!c) return null;
  const flag = {
    on_site: 'On site',
    off_site: 'Off site',
    no_location: 'No location given',
    facility_unlocated: 'Facility has no coordinates',
  }[c.flag];
  return [
    flag,
    c.distance_m !== null ? `${c.distance_m} m from the facility` : null,
    c.accuracy_m !== null ? `accuracy ±${Math.round(c.accuracy_m)} m` : null,
    c.off_site_reason ? `Reason: ${c.off_site_reason}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
};

/** The PDF visit report: both sections, objectives, follow-ups, photos, the review trail, the check-in. */
export const buildVisitReport = async (
  log: MentorshipLog,
  followUps: readonly FollowUp[],
  photos: readonly Photo[],
  generatedAt: Date,
): Promise<Uint8Array> => {
  const doc = PdfDocument.create();
  doc.setTitle(`Visit report — ${log.facility_name} — ${log.visit_date}`);
  doc.setAuthor('Digital Mentorship Log');
  doc.setCreationDate(generatedAt);
  const layout = new Layout(doc, doc.embedFont('Helvetica'), doc.embedFont('Helvetica-Bold'));

  layout.text('Digital Mentorship Log — visit report', { size: 9, color: MUTED });
  layout.text(`${log.facility_name}`, { size: 18, bold: true, gap: 2 });
  layout.text(`Visit ${log.visit_date} · ${log.mentor_name} · status: ${log.status}`, {
    size: 11,
    color: MUTED,
    gap: 8,
  });

  layout.heading('Planning');
  for (const field of planningTextFields) layout.field(logFieldLabels[field], log[field]);
  layout.field(logFieldLabels.staff_to_engage, log.staff_to_engage.join(', '));

  layout.heading(logFieldLabels.objectives);
  if (log.objectives.length === 0) layout.text('None recorded.', { color: MUTED });
  for (const o of log.objectives) layout.text(`${o.sequence}. ${o.objective_text}`, { indent: 8 });

  layout.heading('Reporting');
  layout.field(logFieldLabels.visit_outcomes, log.visit_outcomes ?? 'Not reported yet.');
  layout.field(logFieldLabels.lessons_learned, log.lessons_learned);
  layout.field('Geo check-in', checkInText(log));

  layout.heading('Follow-up actions');
  if (followUps.length === 0) layout.text('None agreed.', { color: MUTED });
  for (const f of followUps) {
    layout.text(`• ${f.action_item}`, { indent: 4, gap: 0 });
    layout.text(
      `${f.assigned_to_name} · due ${f.due_date} · ${f.status.replace('_', ' ')}${f.completed_at ? ` on ${day(f.completed_at)}` : ''}`,
      { indent: 14, size: 9, color: MUTED, gap: 4 },
    );
  }

  const embedded: { image: PdfImage; caption: string }[] = [];
  const notShown: string[] = [];
  for (const photo of photos) {
    try {
      const image =
        photo.attachment.file_type === 'image/png' ? doc.embedPng(photo.bytes) : doc.embedJpg(photo.bytes);
      embedded.push({ image, caption: photo.attachment.file_name });
    } catch {
      // HEIC, WebP, a damaged file or one with more pixels than a phone photo (checked from its header
      // before decoding): a PDF cannot hold it, but the reader should know it exists.
      notShown.push(photo.attachment.file_name);
    }
  }
  if (embedded.length || notShown.length) {
    layout.heading('Photos');
    layout.images(embedded);
    if (notShown.length) {
      layout.text(`Not shown here (open them in the app): ${notShown.join(', ')}`, { size: 9, color: MUTED });
    }
  }

  layout.heading('Review trail');
  if (log.review_trail.length === 0) layout.text('Not submitted yet.', { color: MUTED });
  for (const step of log.review_trail) {
    layout.text(`${day(step.at)} — ${step.action} (${step.from} to ${step.to}) by ${step.by_name}`, {
      indent: 4,
      gap: 0,
    });
    if (step.comment) layout.text(`“${step.comment}”`, { indent: 14, size: 9, color: MUTED, gap: 4 });
  }
  layout.text(`Generated ${generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC · log ${log.id}`, {
    size: 7,
    color: MUTED,
  });
  return doc.save();
};
