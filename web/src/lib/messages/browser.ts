// Messages of the browser screens. Keys start with "browser.".
export const en = {
  'browser.title': 'browser',
} as const;

export const ja: Record<keyof typeof en, string> = {
  'browser.title': 'browser',
};
