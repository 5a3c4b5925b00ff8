// Messages of the evaluations screens. Keys start with "evaluations.".
export const en = {
  'evaluations.title': 'evaluations',
} as const;

export const ja: Record<keyof typeof en, string> = {
  'evaluations.title': 'evaluations',
};
