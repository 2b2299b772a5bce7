/** Staff strings of the analysis pages: rep page, skill-gap analysis, content library. */
export const en = {
  placeholderAnalysis: '',
} as const;

export const es: Record<keyof typeof en, string> = {
  placeholderAnalysis: '',
};
