/**
 * The names every staff page shares, one wording per language: the CPIs, the labels of a
 * rep's gap and the tiers of a skill ↔ CPI link. Views read them through
 * views/partials/names.ts; no area keeps its own copy.
 */
export const en = {
  cpiFcr: 'First-contact resolution',
  cpiContentUseful: 'Content usefulness',
  cpiDecisionClearer: 'Decision clarity',
  cpiAddedValue: 'Added value',
  cpiQuoteTurnaround: 'Quote turnaround',

  gapLabelUntrained: 'Untrained',
  gapLabelUntrainedHelp: 'No course or coaching in this skill on record.',
  gapLabelTrainedNotTransferred: 'Trained, not transferred',
  gapLabelTrainedNotTransferredHelp: 'A course is done, no coaching since, and the linked CPI is likely below target.',
  gapLabelCoachedImproving: 'Coached, improving',
  gapLabelCoachedImprovingHelp:
    'Coached; since then the linked CPI is better than for similar reps in the same months.',
  gapLabelCoachedNotImproving: 'Coached, not improving',
  gapLabelCoachedNotImprovingHelp:
    'Coached; since then the linked CPI is worse than for similar reps in the same months.',
  gapLabelCoachedTooEarly: 'Coached, too early to tell',
  gapLabelCoachedTooEarlyHelp: 'Coached; too few responses since, or no clear change compared with similar reps yet.',
  gapLabelNone: 'No label',
  gapLabelNoneHelp: 'A course is done and the linked CPI is not likely below target.',

  tierFinding: 'clear link',
  tierExploratory: 'possible link',
  tierNoEvidence: 'no evidence yet',
  tierNotSeparable: 'can’t tell apart from {skill}',
  tierInsufficient: 'too few assessed reps',
} as const;

export const es: Record<keyof typeof en, string> = {
  cpiFcr: 'Resolución al primer contacto',
  cpiContentUseful: 'Utilidad del contenido',
  cpiDecisionClearer: 'Claridad para decidir',
  cpiAddedValue: 'Valor añadido',
  cpiQuoteTurnaround: 'Plazo de presupuesto',

  gapLabelUntrained: 'Sin formación',
  gapLabelUntrainedHelp: 'No consta ningún curso ni coaching en esta habilidad.',
  gapLabelTrainedNotTransferred: 'Formado, sin transferencia',
  gapLabelTrainedNotTransferredHelp:
    'Hay un curso hecho, ningún coaching desde entonces, y el CPI vinculado probablemente está por debajo del objetivo.',
  gapLabelCoachedImproving: 'Con coaching, mejorando',
  gapLabelCoachedImprovingHelp:
    'Con coaching; desde entonces el CPI vinculado va mejor que el de comerciales similares en los mismos meses.',
  gapLabelCoachedNotImproving: 'Con coaching, sin mejora',
  gapLabelCoachedNotImprovingHelp:
    'Con coaching; desde entonces el CPI vinculado va peor que el de comerciales similares en los mismos meses.',
  gapLabelCoachedTooEarly: 'Con coaching, aún es pronto',
  gapLabelCoachedTooEarlyHelp:
    'Con coaching; pocas respuestas desde entonces, o todavía ningún cambio claro frente a comerciales similares.',
  gapLabelNone: 'Sin etiqueta',
  gapLabelNoneHelp: 'Hay un curso hecho y el CPI vinculado probablemente no está por debajo del objetivo.',

  tierFinding: 'vínculo claro',
  tierExploratory: 'vínculo posible',
  tierNoEvidence: 'aún sin evidencia',
  tierNotSeparable: 'no se distingue de {skill}',
  tierInsufficient: 'pocos comerciales evaluados',
};
