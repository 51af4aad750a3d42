/**
 * The file structure of a PDF (ISO 32000-1, section 7.5): header, numbered objects, the cross-reference table
 * that gives each object's byte offset, and the trailer naming the catalog and the Info dictionary.
 * Viewers find objects through the xref table, so its offsets must be exact: they are counted from the
 * very bytes written, never computed from string lengths (a latin1 char is one byte, a JS char is not).
 */

/** An object: its full text (a dictionary, an array…), or a stream of bytes with its dictionary's entries. */
export type PdfObject = string | { dict: string; data: Uint8Array };

/**
 * The header's second line is a comment of bytes above 127, so tools that guess "text or binary"
 * (FTP, mail gateways, git) treat the file as binary and do not rewrite line ends.
 */
const HEADER = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');

/**
 * Serializes objects numbered 1…n (objects[i] is object i + 1, generation 0) into a complete file.
 * Strings are written as latin1, so they may carry any byte 0–255.
 */
export const serializePdf = (
  objects: readonly PdfObject[],
  trailer: { root: number; info: number },
): Uint8Array => {
  const chunks: Buffer[] = [HEADER];
  let length = HEADER.length;
  const write = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    chunks.push(bytes);
    length += bytes.length;
  };

  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === 'string') write(`${i + 1} 0 obj\n${object}\nendobj\n`);
    else {
      write(`${i + 1} 0 obj\n<< ${object.dict} /Length ${object.data.length} >>\nstream\n`);
      write(Buffer.from(object.data.buffer, object.data.byteOffset, object.data.byteLength));
      write('\nendstream\nendobj\n');
    }
  });

  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, n/f, and a 2-byte EOL.
  const xrefOffset = length;
  const entry = (offset: number, generation: string, kind: 'n' | 'f') =>
    `${String(offset).padStart(10, '0')} ${generation} ${kind} \n`;
  write(
    `xref\n0 ${objects.length + 1}\n${entry(0, '65535', 'f')}${offsets.map((o) => entry(o, '00000', 'n')).join('')}`,
  );
  write(
    `trailer\n<< /Size ${objects.length + 1} /Root ${trailer.root} 0 R /Info ${trailer.info} 0 R >>\n` +
      `startxref\n${xrefOffset}\n%%EOF\n`,
  );
  return Buffer.concat(chunks, length);
};
