/** What a non-photo file is, in words (and HEIC, which browsers cannot show). */
export const documentKinds: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'image/heic': 'HEIC photo',
};
