// Messages of the actions screens. Keys start with "actions.".
export const en = {
  'actions.title': 'actions',
} as const;

export const ja: Record<keyof typeof en, string> = {
  'actions.title': 'actions',
};
