// Messages of the admin screens. Keys start with "admin.".
export const en = {
  'admin.title': 'admin',
} as const;

export const ja: Record<keyof typeof en, string> = {
  'admin.title': 'admin',
};
