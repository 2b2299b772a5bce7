/** Staff strings of the trainer pages: coaching plan, sessions, follow-up, closed-loop follow-ups, exports. */
export const en = {
  placeholderCoaching: '',
} as const;

export const es: Record<keyof typeof en, string> = {
  placeholderCoaching: '',
};
