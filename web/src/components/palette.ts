/** Colours shared by the charts: as-is, to-be, then one per further series. */
export const palette = ['#1d4ed8', '#c2410c', '#0e7490', '#6d28d9', '#15803d', '#b45309', '#be185d', '#475569', '#0f766e', '#7c3aed'];
