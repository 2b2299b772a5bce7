/**
 * Staff strings of the Methods page (/methods): what each figure of the analysis pages
 * means and does not mean, in plain words (docs/statistics.md, "Showing numbers").
 */
export const en = {
  mtTitle: 'Methods: how to read the figures',
  mtIntro:
    'What each figure on the skill gap analysis, the rep page and the coaching plan means, what it does not mean, and the limits we know of.',
  mtLinksTitle: 'Links between skills and CPIs',
  mtLinksModel:
    'For each CPI, one model looks at all skills together, across every rep of the organisation with every skill assessed. A link is how much the CPI differs per standard deviation (SD) of a skill’s score with the other skills — and the team, where there are enough reps — held fixed. Good reps tend to be good at many things; holding the other skills fixed keeps one skill from taking the credit for another.',
  mtLinksMix:
    'Before that, each rep’s CPI is put on the organisation’s common mix of interaction types, so a rep is not compared on work they happen to get more of (demos clarify decisions more than support calls do).',
  mtLinksAssociation:
    'A link is an association, not a cause: reps who score higher in a skill tend to have a better CPI. It does not show that raising the skill would raise the CPI.',
  mtTiersTitle: 'The labels of a link',
  mtTierFinding:
    'Clear link: the association holds up when every skill × CPI pair is tested together (Benjamini–Hochberg q ≤ 0.05), so few clear links are chance findings.',
  mtTierExploratory: 'Possible link: q ≤ 0.20. Worth watching; more chance findings are among these.',
  mtTierNoEvidence:
    'No evidence yet: nothing was found. That is not the same as no effect. The cell says the smallest effect the data could have detected (with 80% power at the 5% level); an effect smaller than that may well be there.',
  mtTierNotSeparable:
    'Can’t tell apart from another skill: the two skills’ scores move so closely together (variance inflation above 5) that the data cannot separate them. The link is not tested.',
  mtTierInsufficient:
    'Too few assessed reps: no model runs for the CPI. A model needs at least 10 more reps with every skill assessed than it has terms.',
  mtFiguresTitle: 'The figures behind a link',
  mtFigures:
    'Under “Figures”: the change per SD of skill with its 95% interval (percentage points for first-contact resolution, points for the 1–5 questions, a percentage change in quote time), q, the smallest effect the analysis could detect, the overlap with other skills (VIF) and the unadjusted rank correlation ρ, shown as a description only: it does not hold other skills fixed.',
  mtPlannerTitle: 'How many reps are needed',
  mtPlanner:
    'The planner line under the links says, per CPI, the smallest effect today’s data can detect and about how many assessed reps it would take to detect a reference size. Detecting an effect half as large takes about four times the reps. It assumes new reps resemble the current ones.',
  mtImportanceTitle: 'Importance and performance',
  mtImportance:
    'Performance is the team’s mean assessment score in a skill, with its 80% interval. Importance is the skill’s share of what the model explains for the CPI (LMG), with the other skills and the team in the model. Where no model runs, the size of the unadjusted rank correlation is used instead, marked “unadjusted”. A point is “uncertain” when the score’s interval crosses the proficiency target.',
  mtTeamTitle: 'Team and organisation figures',
  mtTeam:
    'Answers to the same rep are alike, so a team’s figure is not as precise as its number of answers suggests. Team and organisation intervals treat reps as the units (the design effect says how much wider that makes them), so a team with few reps has a wide interval even with many answers.',
  mtGapTitle: 'Gap scores',
  mtGap:
    'A rep’s gap in a skill combines how far their score is below the proficiency target, how far their CPIs are likely below target, and the clear or possible links between the two. It is in units of the CPI’s spread across reps. The 80% interval comes from resampling reps and refitting the links; when it includes 0 the gap is marked “low confidence”.',
  mtGapLabels:
    'Labels: untrained (no course or coaching in the skill); trained, not transferred (a course, no coaching since, and the linked CPI likely below target); coached — improving, not improving or too early to tell, compared with similar reps in the same months.',
  mtSmallTitle: 'Organisations with few assessed reps',
  mtSmall:
    'Where no model runs, nothing is put down to skills: the pages show each rep’s CPIs that are likely below target, and how many more reps to assess to link skills to CPIs.',
  mtTrainingTitle: 'Training and coaching effects',
  mtTraining:
    'A training effect is the change in a CPI after a course or coaching compared with similar reps in the same months, not a before-and-after of the trained reps alone: the whole organisation moves with seasons and launches, and reps coached after a bad stretch tend to recover anyway.',
  mtLimitsTitle: 'Known limits',
  mtLimitNoise:
    'Assessments measure skill with noise, and noise leaves some of the overlap between skills in place. In simulations with assessment reliability 0.6 and 100 reps, a skill with no effect of its own shows up as a clear link 8–11% of the time instead of 5%.',
  mtLimitSelection:
    'Training effects assume that who gets trained in a month does not depend on what happened in that same month: selection on the completion month itself cannot be adjusted for.',
  mtLimitCause:
    'None of these figures proves a cause. Use them to decide where to look and what to try, then check whether the CPI follows.',
  mtComputedTitle: 'When the figures are computed',
  mtComputed:
    'The analysis of a period is computed once for each state of the data, in the background, and every page serves the latest result, saying when it was computed. After new responses, training records, targets or reps, a newer result follows shortly.',
} as const;

export const es: Record<keyof typeof en, string> = {
  mtTitle: 'Métodos: cómo leer las cifras',
  mtIntro:
    'Qué significa cada cifra del análisis de brechas, de la página de un comercial y del plan de coaching, qué no significa y los límites que conocemos.',
  mtLinksTitle: 'Vínculos entre habilidades y CPI',
  mtLinksModel:
    'Para cada CPI, un modelo mira todas las habilidades a la vez, entre todos los comerciales de la organización evaluados en todas ellas. Un vínculo es cuánto cambia el CPI por desviación estándar (DE) de la puntuación de una habilidad con las demás habilidades —y el equipo, cuando hay comerciales suficientes— fijas. Los buenos comerciales suelen ser buenos en muchas cosas; fijar las demás habilidades evita que una se lleve el mérito de otra.',
  mtLinksMix:
    'Antes, el CPI de cada comercial se lleva a la combinación común de tipos de interacción de la organización, para no comparar a nadie por el trabajo que le toca (una demo aclara más la decisión que una llamada de soporte).',
  mtLinksAssociation:
    'Un vínculo es una asociación, no una causa: quienes puntúan más alto en una habilidad suelen tener mejor CPI. No demuestra que subir la habilidad suba el CPI.',
  mtTiersTitle: 'Las etiquetas de un vínculo',
  mtTierFinding:
    'Vínculo claro: la asociación se mantiene al contrastar a la vez todos los pares habilidad × CPI (q de Benjamini–Hochberg ≤ 0,05), así que pocos vínculos claros son casualidad.',
  mtTierExploratory: 'Vínculo posible: q ≤ 0,20. Conviene seguirlo; entre estos hay más casualidades.',
  mtTierNoEvidence:
    'Aún sin evidencia: no se encontró nada. No es lo mismo que ningún efecto. La celda dice el menor efecto que los datos podrían haber detectado (con potencia del 80 % al 5 %); un efecto menor puede existir.',
  mtTierNotSeparable:
    'No se distingue de otra habilidad: las puntuaciones de las dos van tan unidas (inflación de la varianza por encima de 5) que los datos no pueden separarlas. El vínculo no se contrasta.',
  mtTierInsufficient:
    'Pocos comerciales evaluados: el CPI no tiene modelo. Un modelo necesita al menos 10 comerciales evaluados en todas las habilidades más que términos.',
  mtFiguresTitle: 'Las cifras de un vínculo',
  mtFigures:
    'En «Cifras»: el cambio por DE de la habilidad con su intervalo del 95 % (puntos porcentuales en la resolución al primer contacto, puntos en las preguntas de 1 a 5, cambio porcentual del plazo de presupuesto), q, el menor efecto que el análisis podría detectar, el solapamiento con otras habilidades (VIF) y la correlación de rangos sin ajustar ρ, solo como descripción: no fija las demás habilidades.',
  mtPlannerTitle: 'Cuántos comerciales hacen falta',
  mtPlanner:
    'La línea de planificación bajo los vínculos dice, por CPI, el menor efecto que los datos de hoy pueden detectar y cuántos comerciales evaluados harían falta para detectar un tamaño de referencia. Detectar un efecto la mitad de grande requiere unas cuatro veces más comerciales. Supone que los nuevos se parecen a los actuales.',
  mtImportanceTitle: 'Importancia y desempeño',
  mtImportance:
    'El desempeño es la puntuación media del equipo en una habilidad, con su intervalo del 80 %. La importancia es la parte de lo que el modelo explica del CPI que corresponde a la habilidad (LMG), con las demás habilidades y el equipo en el modelo. Sin modelo se usa el tamaño de la correlación de rangos sin ajustar, marcada «sin ajustar». Un punto es «incierto» cuando el intervalo de la puntuación cruza el objetivo de dominio.',
  mtTeamTitle: 'Cifras de equipo y de organización',
  mtTeam:
    'Las respuestas a un mismo comercial se parecen, así que la cifra de un equipo no es tan precisa como sugiere su número de respuestas. Los intervalos de equipo y de organización toman a los comerciales como unidades (el efecto de diseño dice cuánto más anchos quedan), y un equipo con pocos comerciales tiene un intervalo ancho aunque tenga muchas respuestas.',
  mtGapTitle: 'Puntuaciones de brecha',
  mtGap:
    'La brecha de un comercial en una habilidad combina cuánto está su puntuación por debajo del objetivo de dominio, cuánto están probablemente sus CPI por debajo del objetivo y los vínculos claros o posibles entre ambos. Está en unidades de la dispersión del CPI entre comerciales. El intervalo del 80 % sale de remuestrear comerciales y reajustar los vínculos; si incluye el 0, la brecha se marca «confianza baja».',
  mtGapLabels:
    'Etiquetas: sin formación (ningún curso ni coaching en la habilidad); formado, sin transferencia (un curso, ningún coaching desde entonces y el CPI vinculado probablemente por debajo del objetivo); con coaching: mejorando, sin mejora o aún es pronto, frente a comerciales similares en los mismos meses.',
  mtSmallTitle: 'Organizaciones con pocos comerciales evaluados',
  mtSmall:
    'Sin modelo no se atribuye nada a las habilidades: las páginas muestran los CPI de cada comercial que probablemente están por debajo del objetivo y cuántos comerciales más hay que evaluar para vincular habilidades con CPI.',
  mtTrainingTitle: 'Efectos de la formación y del coaching',
  mtTraining:
    'Un efecto de la formación es el cambio de un CPI tras un curso o coaching frente a comerciales similares en los mismos meses, no el antes y después de los formados solos: toda la organización se mueve con temporadas y lanzamientos, y quien recibe coaching tras una mala racha suele recuperarse de todos modos.',
  mtLimitsTitle: 'Límites conocidos',
  mtLimitNoise:
    'Las evaluaciones miden la habilidad con ruido, y el ruido deja parte del solapamiento entre habilidades sin quitar. En simulaciones con fiabilidad de la evaluación de 0,6 y 100 comerciales, una habilidad sin efecto propio aparece como vínculo claro un 8–11 % de las veces en lugar de un 5 %.',
  mtLimitSelection:
    'Los efectos de la formación suponen que quién se forma en un mes no depende de lo que pasó ese mismo mes: la selección por lo ocurrido en el propio mes de la formación no se puede ajustar.',
  mtLimitCause:
    'Ninguna de estas cifras demuestra una causa. Úsalas para decidir dónde mirar y qué probar, y comprueba después si el CPI lo sigue.',
  mtComputedTitle: 'Cuándo se calculan las cifras',
  mtComputed:
    'El análisis de un periodo se calcula una vez por cada estado de los datos, en segundo plano, y cada página sirve el resultado más reciente y dice cuándo se calculó. Tras nuevas respuestas, registros de formación, objetivos o comerciales, llega enseguida un resultado más reciente.',
};
