// Messages of the overview screens. Keys start with "overview.".
export const en = {
  'overview.title': 'overview',
} as const;

export const ja: Record<keyof typeof en, string> = {
  'overview.title': 'overview',
};
