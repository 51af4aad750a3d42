import { describe, expect, it } from 'vitest';
import { extensionMatchesType, fileExtensionOf, RequestUploadBody } from './attachments.ts';

const body = (file_name: string, file_type = 'image/jpeg') => ({
  mentorship_log_id: '00000000-0000-4000-8000-000000000001',
  file_name,
  file_type,
  file_size: 100,
});

describe('attachment names and declared types', () => {
  it('reads the extension a file would open with', () => {
    expect(fileExtensionOf('Report.HTML')).toBe('.html');
    expect(fileExtensionOf('scan.final.pdf ')).toBe('.pdf');
    expect(fileExtensionOf('IMG_2024.05.06')).toBe('');
    expect(fileExtensionOf('photo')).toBe('');
  });

  it('accepts a name ending in one of its type’s extensions, or in none', () => {
    expect(extensionMatchesType('ward.JPG', 'image/jpeg')).toBe(true);
    expect(extensionMatchesType('ward.jpeg', 'image/jpeg')).toBe(true);
    expect(extensionMatchesType('IMG_0042', 'image/jpeg')).toBe(true);
    expect(extensionMatchesType('ward.png', 'image/jpeg')).toBe(false);
  });

  it('refuses report.html declared as a JPEG, saying which extensions fit', () => {
    const result = RequestUploadBody.safeParse(body('report.html'));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['file_name'],
        message: 'ends in .html, but the file is declared as image/jpeg: its name must end in .jpg or .jpeg',
      }),
    ]);
    expect(RequestUploadBody.safeParse(body('register.pdf', 'application/pdf')).success).toBe(true);
  });

  it('refuses a name with a lone surrogate', () => {
    expect(RequestUploadBody.safeParse(body('photo\ud800.jpg')).success).toBe(false);
  });
});
