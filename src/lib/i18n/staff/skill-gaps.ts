/**
 * Staff strings of the skill-gap analysis page (importance and performance, largest gaps, training
 * effects, content usefulness) and of the joint model: skill ↔ CPI links, what it can detect, and
 * gap scores and shortfalls, which the rep page shows too.
 * Wording rule (docs/statistics.md, "Showing numbers"): links are "associated with", never "caused by".
 */
export const en = {
  // Gap analysis page
  anGapsPageTitle: 'Skill gap analysis',
  anQuadrantTitle: 'Importance and performance',
  anQuadrantCpi: 'CPI for the chart',
  anQuadrantTeam: 'Performance: mean score of team {team} ({reps, plural, one {# rep} other {# reps}}).',
  anQuadrantOrg: 'Performance: mean score of all reps ({reps}).',
  anQuadrantTargetsDiffer:
    'Skills have different proficiency targets; the line is their mean, each skill is placed by its own.',
  anQuadrantChartTitle: 'Skills by importance for {cpi} and performance',
  anQuadrantSummary: 'Concentrate here: {skills}.',
  anQuadrantSummaryNone: 'No skill falls in “concentrate here”.',
  anQuadrantConcentrate: 'concentrate here',
  anQuadrantKeepUp: 'keep up the good work',
  anQuadrantLowPriority: 'low priority',
  anQuadrantOverkill: 'possible overkill',
  anQuadrant: 'Quadrant',
  anPerformance: 'Performance (mean score, 80% interval)',
  anPerformanceAxis: 'Mean assessment score',
  anImportanceAxis: 'Importance',
  anUncertain: 'uncertain',
  anUncertainLabel: '{name} (?)',
  anNoScores: 'no scores',
  anTopGapsTitle: 'Largest gaps',
  anExportGaps: 'Download all gaps (CSV)',
  anEffectsTitle: 'Training effects',
  anEffectsLink:
    'Did courses and coaching work? See the training results: each against similar reps in the same months.',
  anEffectsSummary: '{estimated} of {total} effects could be estimated; {clear} have p ≤ 0.05.',
  anEffectsEmpty: 'No training in this period.',
  anEffect: 'Effect',
  anArms: 'Reps trained / not',
  anArmsValue: '{trained} / {untrained}',
  anWindows: 'Months compared',
  anWindowText: 'before {before}, after {after}',
  anNotEnoughData: 'not enough data',
  anNotEnoughDataReason:
    'Each needs at least {reps} trained and {reps} untrained reps with {responses} or more responses both before and after.',
  anEffectsMissing: '{count, plural, one {# combination} other {# combinations}} of skill, kind and CPI.',
  anEffectsMissingShow: 'Show them, with the reps each group had',
  anEffectsNote:
    'Rates change in percentage points (pp); 1–5 means in points. Organisation-wide: the team filter does not apply.',
  anContentTopTitle: 'Content usefulness',
  anContentMost: 'Most useful',
  anContentLeast: 'Least useful',
  anContentTopNone: 'No content item has enough answers in this period.',
  anContentTopNote: 'Ranked by the mean answer, shrunk toward the average of all items; organisation-wide.',
  anContentOpenLibrary: 'Open the content library',
  anUsefulShort: '{mean} ({range}; n {n})',

  // Skill ↔ CPI links (the joint model) and gap scores
  anGapsPageIntro:
    'Which skills are linked with which customer outcomes, where reps fall short, whether training was followed by change, and which content customers find useful. Every figure is an association across reps, never proof of cause.',
  anMethodsLink: 'What these figures mean (methods)',
  anComputing: 'The analysis is being computed for this period…',
  anComputingReload: 'Reload the page',
  anComputedAt: 'Computed at {time}.',
  anComputedStale: 'Updated {time}; newer data is being analysed.',
  anDirBetter: 'higher score, better',
  anDirWorse: 'higher score, worse',
  anCouldDetect: 'could detect ≥ {value} per SD',
  anPerSd: '{value} per SD of skill',
  anEffectPoints: '{value} points',
  anEffectTime: '{value}% quote time',
  anFigures: 'Figures',
  anFigEstimate: 'Change per SD of skill (others held fixed)',
  anFigInterval: '95% interval',
  anFigQ: 'q (all pairs tested together)',
  anFigNotTested: 'not tested',
  anFigMde: 'Smallest effect it could detect',
  anFigVif: 'VIF (overlap with other skills)',
  anFigRho: 'Unadjusted ρ (description only)',
  anFigN: 'Reps in the model',
  anLinkedCpi: 'Linked CPI',
  anMatrixTitle: 'How skills are linked with CPIs',
  anMatrixIntro:
    'Each CPI is modelled on all skills together, across every rep with every skill assessed, so a link is a skill’s association with the CPI with the other skills and the team held fixed. An association, not proof of cause. Open “Figures” in a cell for the numbers.',
  anMatrixSummary: '{clear} clear and {possible} possible links among {tested} skill × CPI pairs tested.',
  anMatrixNoModel: 'No CPI has a model yet: too few reps have every skill assessed.',
  anMatrixNoteTiers:
    'Clear link: it holds up when every pair is tested together. Possible link: weaker, worth watching. No evidence yet: nothing found — which is not the same as no effect; the cell says the smallest effect the data could have detected.',
  anMatrixTierRuleSummary: 'How the tiers are decided',
  anMatrixTierRule:
    'Clear link: q ≤ 0.05; possible link: q ≤ 0.20 (Benjamini–Hochberg, over every skill × CPI pair). The Methods page explains the models.',
  anMatrixNoteSeparable:
    'Can’t tell apart: the skill’s scores move so closely with another skill’s that the data cannot separate them.',
  anMatrixNoteTurnaround: 'Quote turnaround: lower is better; its effects are a percentage change in quote time.',
  anPlannerTitle: 'What this analysis can detect',
  anPlannerLine:
    '{cpi}: with {n} assessed reps this analysis can detect effects of at least {mde} per SD of skill; to detect {delta} you need about {needed} reps.',
  anPlannerReached:
    '{cpi}: with {n} assessed reps this analysis can detect effects of at least {mde} per SD of skill, so effects of {delta} are already within reach.',
  anPlannerNone:
    '{cpi}: no model yet — {n} reps have every skill assessed and a model needs {needed}; assess more reps to link skills to this CPI.',
  anPlannerNoVariation: '{cpi}: no model — no skill score varies across the assessed reps.',
  anPlannerNote:
    'The sizes to detect are a reference per CPI: 3 pp of first-contact resolution, 0.1 points on the 1–5 questions, 10% quote time, each per SD of skill. Reps needed grow with the square of how much smaller that is than what can be detected now, assuming new reps resemble the current ones.',
  anNoModelTitle: 'Where reps fall short',
  anNoModelIntro:
    'Too few reps have every skill assessed to link skills to CPIs, so no shortfall is put down to a skill. Reps still to assess in every skill before skills can be linked to CPIs: {more}. Meanwhile, each rep’s CPIs that are likely below target:',
  anNoShortfalls: 'No rep in view is likely below target on any CPI.',
  anNoModelNoVariation:
    'Skill scores do not vary across the assessed reps, so no shortfall can be put down to a skill. Each rep’s CPIs that are likely below target:',
  anRepNoModel:
    'Too few reps have every skill assessed to link skills to CPIs, so no shortfall is put down to a skill. Reps still to assess in every skill before skills can be linked to CPIs: {more}. This rep’s CPIs against target:',
  anRepNoModelNoVariation:
    'Skill scores do not vary across the assessed reps, so no shortfall can be put down to a skill. This rep’s CPIs against target:',
  anGapsIntro:
    'A gap ranks a skill by how much of this rep’s CPI shortfall goes with their low score in it, through the clear and possible links the joint model finds across reps. An association, not proof of cause. Scores are in units of the CPI’s spread across reps; the 80% interval comes from resampling reps. Targets: the org target, or the typical rep where none is set.',
  anGapsNotScored: 'Gaps are not scored: this rep has fewer than {min} responses in the period.',
  anGapsChartSummary: 'Largest gap: {top}. Gaps clearly above zero: {count}.',
  anNoEvidence: 'No CPI is clearly or possibly linked with this skill, so nothing counts toward this gap.',
  anEvidenceLink: 'Link across reps (other skills held fixed):',
  anTopGapsSummary: 'The {shown} largest rep × skill gaps; {reps} reps have at least one gap above 0.',
  anTopGapsNone: 'No rep in view has a gap above 0 in this period.',
  anQuadrantLmg:
    'Importance: each skill’s share of what the joint model explains for this CPI (LMG), other skills and team in the model.',
  anQuadrantUnadjusted:
    'No model for this CPI yet: importance is the size of the unadjusted rank correlation with the CPI, marked “unadjusted”; it does not hold other skills fixed.',
  anQuadrantEmpty: 'Not enough assessed reps with responses to place any skill.',
  anQuadrantLegend:
    'Vertical line: proficiency target; horizontal line: mean importance. A hollow dot marked (?) is uncertain: the mean score’s 80% interval crosses the target.',
  anImportance: 'Importance',
  anUnadjusted: '{value} (unadjusted)',
} as const;

export const es: Record<keyof typeof en, string> = {
  anGapsPageTitle: 'Análisis de brechas de habilidades',
  anQuadrantTitle: 'Importancia y desempeño',
  anQuadrantCpi: 'CPI del gráfico',
  anQuadrantTeam:
    'Desempeño: puntuación media del equipo {team} ({reps, plural, one {# comercial} other {# comerciales}}).',
  anQuadrantOrg: 'Desempeño: puntuación media de todos los comerciales ({reps}).',
  anQuadrantTargetsDiffer:
    'Las habilidades tienen objetivos de dominio distintos; la línea es su media y cada habilidad se sitúa según el suyo.',
  anQuadrantChartTitle: 'Habilidades según su importancia para {cpi} y su desempeño',
  anQuadrantSummary: 'Concentrarse aquí: {skills}.',
  anQuadrantSummaryNone: 'Ninguna habilidad cae en «concentrarse aquí».',
  anQuadrantConcentrate: 'concentrarse aquí',
  anQuadrantKeepUp: 'seguir así',
  anQuadrantLowPriority: 'prioridad baja',
  anQuadrantOverkill: 'posible exceso',
  anQuadrant: 'Cuadrante',
  anPerformance: 'Desempeño (puntuación media, intervalo del 80 %)',
  anPerformanceAxis: 'Puntuación media de evaluación',
  anImportanceAxis: 'Importancia',
  anUncertain: 'incierto',
  anUncertainLabel: '{name} (?)',
  anNoScores: 'sin puntuaciones',
  anTopGapsTitle: 'Mayores brechas',
  anExportGaps: 'Descargar todas las brechas (CSV)',
  anEffectsTitle: 'Efectos de la formación',
  anEffectsLink:
    '¿Funcionaron los cursos y el coaching? Mira los resultados de formación: cada uno frente a comerciales parecidos en los mismos meses.',
  anEffectsSummary: 'Se pudieron estimar {estimated} de {total} efectos; {clear} tienen p ≤ 0,05.',
  anEffectsEmpty: 'No hubo formación en este periodo.',
  anEffect: 'Efecto',
  anArms: 'Comerciales formados / no',
  anArmsValue: '{trained} / {untrained}',
  anWindows: 'Meses comparados',
  anWindowText: 'antes {before}, después {after}',
  anNotEnoughData: 'datos insuficientes',
  anNotEnoughDataReason:
    'Cada una necesita al menos {reps} comerciales formados y {reps} sin formar con {responses} o más respuestas antes y después.',
  anEffectsMissing: '{count, plural, one {# combinación} other {# combinaciones}} de habilidad, tipo y CPI.',
  anEffectsMissingShow: 'Mostrarlas, con los comerciales de cada grupo',
  anEffectsNote:
    'Las tasas cambian en puntos porcentuales (pp); las medias de 1 a 5, en puntos. Para toda la organización: el filtro de equipo no se aplica.',
  anContentTopTitle: 'Utilidad del contenido',
  anContentMost: 'Más útil',
  anContentLeast: 'Menos útil',
  anContentTopNone: 'Ningún contenido tiene respuestas suficientes en este periodo.',
  anContentTopNote:
    'Ordenado por la respuesta media, ajustada hacia la media de todos los contenidos; para toda la organización.',
  anContentOpenLibrary: 'Abrir la biblioteca de contenidos',
  anUsefulShort: '{mean} ({range}; n {n})',

  anGapsPageIntro:
    'Qué habilidades están vinculadas con qué resultados para el cliente, dónde se quedan cortos los comerciales, si a la formación le siguió un cambio y qué contenido encuentran útil los clientes. Cada cifra es una asociación entre comerciales, nunca prueba de una causa.',
  anMethodsLink: 'Qué significan estas cifras (métodos)',
  anComputing: 'El análisis de este periodo se está calculando…',
  anComputingReload: 'Recargar la página',
  anComputedAt: 'Calculado el {time}.',
  anComputedStale: 'Actualizado el {time}; se están analizando datos más recientes.',
  anDirBetter: 'más puntuación, mejor',
  anDirWorse: 'más puntuación, peor',
  anCouldDetect: 'podría detectar ≥ {value} por DE',
  anPerSd: '{value} por DE de la habilidad',
  anEffectPoints: '{value} puntos',
  anEffectTime: '{value} % del plazo de presupuesto',
  anFigures: 'Cifras',
  anFigEstimate: 'Cambio por DE de la habilidad (las demás fijas)',
  anFigInterval: 'Intervalo del 95 %',
  anFigQ: 'q (todos los pares a la vez)',
  anFigNotTested: 'no contrastado',
  anFigMde: 'Menor efecto que podría detectar',
  anFigVif: 'VIF (solapamiento con otras habilidades)',
  anFigRho: 'ρ sin ajustar (solo descriptiva)',
  anFigN: 'Comerciales en el modelo',
  anLinkedCpi: 'CPI vinculado',
  anMatrixTitle: 'Cómo se vinculan las habilidades con los CPI',
  anMatrixIntro:
    'Cada CPI se modela con todas las habilidades a la vez, entre todos los comerciales evaluados en todas ellas, así que un vínculo es la asociación de una habilidad con el CPI con las demás habilidades y el equipo fijos. Una asociación, no prueba de una causa. Abre «Cifras» en una celda para ver los números.',
  anMatrixSummary: '{clear} vínculos claros y {possible} posibles entre {tested} pares habilidad × CPI contrastados.',
  anMatrixNoModel: 'Ningún CPI tiene modelo todavía: hay pocos comerciales evaluados en todas las habilidades.',
  anMatrixNoteTiers:
    'Vínculo claro: se mantiene al contrastar todos los pares a la vez. Vínculo posible: más débil, conviene vigilarlo. Aún sin evidencia: no se encontró nada, lo que no es lo mismo que ningún efecto; la celda dice el menor efecto que los datos podrían haber detectado.',
  anMatrixTierRuleSummary: 'Cómo se deciden los niveles',
  anMatrixTierRule:
    'Vínculo claro: q ≤ 0,05; vínculo posible: q ≤ 0,20 (Benjamini–Hochberg, sobre todos los pares habilidad × CPI). La página de métodos explica los modelos.',
  anMatrixNoteSeparable:
    'No se distingue: las puntuaciones de la habilidad van tan unidas a las de otra que los datos no pueden separarlas.',
  anMatrixNoteTurnaround: 'Plazo de presupuesto: menos es mejor; sus efectos son un cambio porcentual del plazo.',
  anPlannerTitle: 'Qué puede detectar este análisis',
  anPlannerLine:
    '{cpi}: con {n} comerciales evaluados este análisis puede detectar efectos de al menos {mde} por DE de la habilidad; para detectar {delta} hacen falta unos {needed} comerciales.',
  anPlannerReached:
    '{cpi}: con {n} comerciales evaluados este análisis puede detectar efectos de al menos {mde} por DE de la habilidad, así que efectos de {delta} ya están a su alcance.',
  anPlannerNone:
    '{cpi}: aún sin modelo; {n} comerciales están evaluados en todas las habilidades y un modelo necesita {needed}; evalúa a más comerciales para vincular habilidades con este CPI.',
  anPlannerNoVariation: '{cpi}: sin modelo; ninguna puntuación de habilidad varía entre los comerciales evaluados.',
  anPlannerNote:
    'Los tamaños a detectar son una referencia por CPI: 3 pp de resolución al primer contacto, 0,1 puntos en las preguntas de 1 a 5 y un 10 % del plazo de presupuesto, cada uno por DE de la habilidad. Los comerciales necesarios crecen con el cuadrado de cuánto menor es eso que lo que hoy se puede detectar, suponiendo que los nuevos se parezcan a los actuales.',
  anNoModelTitle: 'Dónde se quedan cortos los comerciales',
  anNoModelIntro:
    'Hay pocos comerciales evaluados en todas las habilidades para vincular habilidades con los CPI, así que ningún déficit se atribuye a una habilidad. Comerciales que faltan por evaluar en todas las habilidades para vincularlas con los CPI: {more}. Mientras tanto, los CPI de cada comercial que probablemente están por debajo del objetivo:',
  anNoShortfalls: 'Ningún comercial a la vista está probablemente por debajo del objetivo en ningún CPI.',
  anNoModelNoVariation:
    'Las puntuaciones de habilidad no varían entre los comerciales evaluados, así que ningún déficit se puede atribuir a una habilidad. Los CPI de cada comercial que probablemente están por debajo del objetivo:',
  anRepNoModel:
    'Hay pocos comerciales evaluados en todas las habilidades para vincular habilidades con los CPI, así que ningún déficit se atribuye a una habilidad. Comerciales que faltan por evaluar en todas las habilidades para vincularlas con los CPI: {more}. Los CPI de este comercial frente al objetivo:',
  anRepNoModelNoVariation:
    'Las puntuaciones de habilidad no varían entre los comerciales evaluados, así que ningún déficit se puede atribuir a una habilidad. Los CPI de este comercial frente al objetivo:',
  anGapsIntro:
    'Una brecha ordena una habilidad según cuánto del déficit de CPI de este comercial va con su baja puntuación en ella, a través de los vínculos claros y posibles que el modelo conjunto encuentra entre comerciales. Una asociación, no prueba de una causa. Las puntuaciones están en unidades de la dispersión del CPI entre comerciales; el intervalo del 80 % sale de remuestrear comerciales. Objetivos: el de la organización o, si no lo hay, el comercial típico.',
  anGapsNotScored: 'No se puntúan brechas: este comercial tiene menos de {min} respuestas en el periodo.',
  anGapsChartSummary: 'Mayor brecha: {top}. Brechas claramente por encima de cero: {count}.',
  anNoEvidence: 'Ningún CPI tiene un vínculo claro o posible con esta habilidad, así que nada cuenta para esta brecha.',
  anEvidenceLink: 'Vínculo entre comerciales (las demás habilidades fijas):',
  anTopGapsSummary:
    'Las {shown} mayores brechas comercial × habilidad; {reps} comerciales tienen al menos una brecha mayor que 0.',
  anTopGapsNone: 'Ningún comercial a la vista tiene una brecha mayor que 0 en este periodo.',
  anQuadrantLmg:
    'Importancia: la parte de lo que el modelo conjunto explica de este CPI que corresponde a cada habilidad (LMG), con las demás habilidades y el equipo en el modelo.',
  anQuadrantUnadjusted:
    'Este CPI aún no tiene modelo: la importancia es el tamaño de la correlación de rangos sin ajustar con el CPI, marcada «sin ajustar»; no mantiene fijas las demás habilidades.',
  anQuadrantEmpty: 'No hay suficientes comerciales evaluados con respuestas para situar ninguna habilidad.',
  anQuadrantLegend:
    'Línea vertical: objetivo de dominio; línea horizontal: importancia media. Un punto hueco marcado (?) es incierto: el intervalo del 80 % de la puntuación media cruza el objetivo.',
  anImportance: 'Importancia',
  anUnadjusted: '{value} (sin ajustar)',
};
