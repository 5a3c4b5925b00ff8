// Messages of the matrix screens. Keys start with "matrix.".
export const en = {
  'matrix.title': 'matrix',
} as const;

export const ja: Record<keyof typeof en, string> = {
  'matrix.title': 'matrix',
};
