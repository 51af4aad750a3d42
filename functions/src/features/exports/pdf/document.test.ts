import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PdfDocument, rgb } from './document.ts';
import { makeJpeg, makePng, pdfimages, pdftotext, poppler, renderPage, rgbaPng } from './test-fixtures.ts';

const A4: [number, number] = [595.28, 841.89];

const simpleDocument = () => {
  const doc = PdfDocument.create();
  const font = doc.embedFont('Helvetica');
  doc.addPage(A4).drawText('Hello', { x: 48, y: 780, size: 12, font });
  return doc;
};

/** Each stream's bytes, inflated when compressed, in file order. */
const streamsOf = (pdf: Uint8Array) => {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/<<([^\n]*?)\/Length (\d+) >>\nstream\n/g)].map((m) => {
    const start = (m.index ?? 0) + m[0].length;
    const data = Buffer.from(pdf).subarray(start, start + Number(m[2]));
    return { dict: m[1] ?? '', data: m[1]?.includes('/FlateDecode') ? inflateSync(data) : data };
  });
};

describe('the PDF writer', () => {
  it('writes a PDF 1.4 file poppler reads without a single complaint', () => {
    const pdf = simpleDocument().save();
    expect(Buffer.from(pdf).subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
    // The binary comment line: four bytes above 127.
    expect([...pdf.subarray(9, 15)]).toEqual([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]);
    const { stdout, stderr } = poppler('pdfinfo', [], pdf);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^PDF version:\s+1\.4$/m);
    expect(stdout).toMatch(/^Pages:\s+1$/m);
    expect(stdout).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(Buffer.from(pdf).toString('latin1').endsWith('%%EOF\n')).toBe(true);
  });

  it('keeps the cross-reference table exact: every entry points at its "N 0 obj"', () => {
    const doc = simpleDocument();
    doc.embedPng(rgbaPng(3, 3, () => [1, 2, 3, 100]));
    doc
      .addPage([200, 200])
      .drawText('Ünïcødé “two”', { x: 1, y: 1, size: 9, font: doc.embedFont('Helvetica-Bold') });
    const pdf = Buffer.from(doc.save());
    const text = pdf.toString('latin1');
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
    expect(first).toBe('0');
    const table = text.slice(startxref + `xref\n0 ${count}\n`.length);
    const entries = Array.from({ length: Number(count) }, (_, i) => table.slice(i * 20, (i + 1) * 20));
    expect(entries[0]).toBe('0000000000 65535 f \n');
    entries.slice(1).forEach((entry, i) => {
      expect(entry).toMatch(/^\d{10} 00000 n \n$/);
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${i + 1} 0 obj\n`.length)).toBe(`${i + 1} 0 obj\n`);
    });
    expect(table.slice(Number(count) * 20)).toMatch(
      new RegExp(`^trailer\\n<< /Size ${count} /Root 1 0 R /Info 3 0 R >>\\nstartxref\\n`),
    );
  });

  it('puts title, author and creation date in the Info dictionary, any script in the title', () => {
    const doc = simpleDocument();
    doc.setTitle('Visit report — Kano — ɗan ƙasa, 日本, 😀');
    doc.setAuthor('Digital Mentorship Log (DML)');
    doc.setCreationDate(new Date('2024-05-06T07:08:09Z'));
    const { stdout } = poppler('pdfinfo', ['-isodates'], doc.save());
    expect(stdout).toMatch(/^Title:\s+Visit report — Kano — ɗan ƙasa, 日本, 😀$/m);
    expect(stdout).toMatch(/^Author:\s+Digital Mentorship Log \(DML\)$/m);
    expect(stdout).toMatch(/^CreationDate:\s+2024-05-06T07:08:09Z$/m);
  });

  it('draws text that comes back out, WinAnsi specials, Latin-1 letters and PDF delimiters included', () => {
    const doc = PdfDocument.create();
    const font = doc.embedFont('Helvetica');
    const bold = doc.embedFont('Helvetica-Bold');
    const page = doc.addPage(A4);
    const lines = [
      'Quotes “double” and ‘single’ • bullet – en — em … € ™ Œuvre',
      'Café, naïve, Ñandú, Øre, ß, ±5 °C, ¼',
      'Delimiters (round) \\back\\slash\\ ) ( and 100% done',
    ];
    lines.forEach((line, i) => {
      page.drawText(line, {
        x: 48,
        y: 780 - i * 20,
        size: 11,
        font: i === 1 ? bold : font,
        color: rgb(0.1, 0.2, 0.3),
      });
    });
    const text = pdftotext(doc.save());
    for (const line of lines) expect(text).toContain(line);
  });

  it("draws characters WinAnsi lacks as '?', one per character", () => {
    const doc = PdfDocument.create();
    doc.addPage(A4).drawText('ɗan 😀 ƙasa', { x: 48, y: 780, size: 11, font: doc.embedFont('Helvetica') });
    expect(pdftotext(doc.save())).toContain('?an ? ?asa');
  });

  it('writes multi-page documents with each page’s size and text in order', () => {
    const doc = PdfDocument.create();
    const font = doc.embedFont('Helvetica');
    const sizes: [number, number][] = [A4, [300, 400], A4];
    sizes.forEach((size, i) => {
      doc.addPage(size).drawText(`This is page ${i + 1}`, { x: 20, y: 50, size: 10, font });
    });
    expect(doc.getPageCount()).toBe(3);
    const pdf = doc.save();
    const info = poppler('pdfinfo', ['-f', '1', '-l', '3'], pdf).stdout;
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(info).toMatch(/^Page\s+2 size:\s+300 x 400 pts$/m);
    for (const page of [1, 2, 3]) expect(pdftotext(pdf, [page, page]).trim()).toBe(`This is page ${page}`);
  });

  it('embeds a JPEG byte for byte and a PNG with its alpha as a soft mask, at their pixel sizes', () => {
    const doc = PdfDocument.create();
    const jpegBytes = makeJpeg(40, 30, (x, y) => [x * 6, y * 8, 128]);
    const jpeg = doc.embedJpg(jpegBytes);
    const png = doc.embedPng(rgbaPng(25, 16, (x) => [200, 30, 30, x < 12 ? 255 : 0]));
    const opaque = doc.embedPng(
      makePng({ width: 5, height: 4, colorType: 0, rows: Array(4).fill([9, 9, 9, 9, 9]) }),
    );
    expect([jpeg.width, jpeg.height, png.width, png.height]).toEqual([40, 30, 25, 16]);
    const page = doc.addPage(A4);
    page.drawImage(jpeg, { x: 48, y: 600, width: 120, height: 90 });
    page.drawImage(png, { x: 200, y: 600, width: 100, height: 64 });
    doc.addPage(A4).drawImage(opaque, { x: 0, y: 0, width: 5, height: 4 });
    const pdf = doc.save();

    expect(
      pdfimages(pdf).map(({ page, type, width, height, color, components, bpc, encoding }) =>
        [page, type, width, height, color, components, bpc, encoding].join(' '),
      ),
    ).toEqual([
      '1 image 40 30 rgb 3 8 jpeg',
      '1 image 25 16 rgb 3 8 image',
      '1 smask 25 16 gray 1 8 image',
      '2 image 5 4 gray 1 8 image',
    ]);
    const jpegStream = streamsOf(pdf).find((s) => s.dict.includes('/DCTDecode'));
    expect(jpegStream?.data.equals(Buffer.from(jpegBytes))).toBe(true);
  });

  it('shows images where they are drawn, PNG transparency letting the page through', () => {
    const doc = PdfDocument.create();
    // Left half opaque red, right half fully transparent red.
    const png = doc.embedPng(rgbaPng(20, 10, (x) => [220, 20, 20, x < 10 ? 255 : 0]));
    const jpeg = doc.embedJpg(makeJpeg(20, 20, () => [20, 20, 220]));
    const cmyk = doc.embedJpg(makeJpeg(20, 20, () => [20, 200, 20], 'cmyk'));
    const page = doc.addPage([300, 100]);
    page.drawImage(png, { x: 10, y: 10, width: 80, height: 40 });
    page.drawImage(jpeg, { x: 110, y: 10, width: 40, height: 40 });
    page.drawImage(cmyk, { x: 200, y: 10, width: 40, height: 40 });
    const { rgbAt } = renderPage(doc.save());
    const close = (actual: number[], expected: number[], tolerance = 60) =>
      expect(actual.map((v, i) => Math.abs(v - (expected[i] ?? 0)) <= tolerance)).toEqual([true, true, true]);
    // Page y 10–50 is pixel rows 50–90 from the top.
    close(rgbAt(30, 70), [220, 20, 20]);
    close(rgbAt(70, 70), [255, 255, 255], 0);
    close(rgbAt(130, 70), [20, 20, 220]);
    // Adobe CMYK shows as green, not as its magenta negative (poppler's CMYK to RGB is approximate).
    const [r = 0, g = 0, b = 0] = rgbAt(220, 70);
    expect(g - Math.max(r, b)).toBeGreaterThan(50);
    close(rgbAt(130, 30), [255, 255, 255], 0);
  });

  it('compresses content streams and writes coordinates with at most three decimals', () => {
    const doc = PdfDocument.create();
    const font = doc.embedFont('Helvetica');
    doc.addPage(A4).drawText('x', { x: 1 / 3, y: 1e-7, size: 10.00001, font, color: rgb(2 / 3, 0, 1) });
    const pdf = doc.save();
    const [content] = streamsOf(pdf).map((s) => s.data.toString('latin1'));
    expect(content).toBe('BT /F1 10 Tf 0.667 0 1 rg 0.333 0 Td (x) Tj ET\n');
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Filter /FlateDecode /Length');
  });

  it('names each standard font once, unembedded, with WinAnsiEncoding', () => {
    const doc = simpleDocument();
    expect(doc.embedFont('Helvetica')).toBe(doc.embedFont('Helvetica'));
    const bold = doc.embedFont('Helvetica-Bold');
    doc.addPage(A4).drawText('Bold', { x: 48, y: 780, size: 12, font: bold });
    const fonts = poppler('pdffonts', [], doc.save()).stdout;
    // name, type, encoding, embedded, subset, unicode map
    expect(fonts).toMatch(/^Helvetica\s+Type 1\s+WinAnsi\s+no\s+no\s+no\s/m);
    expect(fonts).toMatch(/^Helvetica-Bold\s+Type 1\s+WinAnsi\s+no\s+no\s+no\s/m);
    expect(fonts.trim().split('\n')).toHaveLength(4);
  });

  it('can save again after more pages are added', () => {
    const doc = simpleDocument();
    const once = doc.save();
    doc.addPage(A4).drawText('Later', { x: 48, y: 780, size: 12, font: doc.embedFont('Helvetica') });
    expect(Buffer.from(doc.save()).length).toBeGreaterThan(once.length);
    expect(pdftotext(doc.save())).toContain('Later');
    expect(poppler('pdfinfo', [], once).stdout).toMatch(/^Pages:\s+1$/m);
  });

  it('refuses images it cannot embed with an error the report can catch', () => {
    const doc = PdfDocument.create();
    expect(() => doc.embedJpg(Uint8Array.from([1, 2, 3]))).toThrow('Cannot embed this JPEG');
    expect(() => doc.embedPng(Uint8Array.from([1, 2, 3]))).toThrow('Cannot embed this PNG');
  });
});
