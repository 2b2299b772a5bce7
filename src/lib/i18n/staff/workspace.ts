/** Staff strings of the lead workspace: overview, targets and baselines, reps heatmap. */
export const en = {
  placeholderWorkspace: '',
} as const;

export const es: Record<keyof typeof en, string> = {
  placeholderWorkspace: '',
};
