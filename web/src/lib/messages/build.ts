// Messages of the build screens. Keys start with "build.".
export const en = {
  'build.title': 'build',
} as const;

export const ja: Record<keyof typeof en, string> = {
  'build.title': 'build',
};
