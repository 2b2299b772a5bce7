/** Staff strings of the admin privacy page: erasure and retention. */
export const en = {
  privacyIntro:
    'Erase everything about one customer, or set how long free text and customer links are kept. Both are recorded in the audit log.',
  eraseTitle: 'Erase a customer',
  eraseHint:
    'Deletes the customer, their invitations, answers and mail, and any comment that contains the address. The rep’s interactions stay, without the customer. An opt-out is kept as a hash so they are never surveyed again.',
  eraseConfirm: 'I understand this cannot be undone',
  eraseButton: 'Erase',
  eraseDone:
    'Erased {email}: {responses, plural, one {# response} other {# responses}}, {invitations, plural, one {# invitation} other {# invitations}}, {outbox, plural, one {# message} other {# messages}}, {comments, plural, one {# other comment} other {# other comments}} cleared, {interactions, plural, one {# interaction} other {# interactions}} detached.',
  eraseNothing:
    'No customer with this email; {outbox, plural, one {# message} other {# messages}} and {comments, plural, one {# comment} other {# comments}} mentioning it were removed.',
  eraseConfirmMissing: 'tick the box to confirm',
  retentionTitle: 'Retention',
  retentionHint:
    'Responses older than this lose their comment and contact consent, and old interactions lose their link to the customer. Answers stay, so CPI history does not change. Leave empty to keep everything.',
  retentionMonths: 'Keep free text and customer links for (months)',
  retentionSaved: 'Retention saved.',
  retentionApply: 'Apply retention now',
  retentionApplied:
    'Retention applied: {responses, plural, one {# response} other {# responses}} anonymised, {interactions, plural, one {# interaction} other {# interactions}} detached, {customers, plural, one {# customer} other {# customers}} deleted.',
  retentionOff: 'Retention is off: nothing is anonymised.',
  retentionInvalid: 'must be a whole number of months from 1 to 600, or empty',
} as const;

export const es: Record<keyof typeof en, string> = {
  privacyIntro:
    'Borra todo lo de un cliente, o fija cuánto tiempo se guardan los textos libres y el vínculo con el cliente. Ambas acciones quedan en el registro de auditoría.',
  eraseTitle: 'Borrar un cliente',
  eraseHint:
    'Borra el cliente, sus invitaciones, respuestas y correos, y cualquier comentario que contenga la dirección. Las interacciones del comercial se conservan, sin el cliente. Una baja se conserva como hash para no volver a encuestarle.',
  eraseConfirm: 'Entiendo que no se puede deshacer',
  eraseButton: 'Borrar',
  eraseDone:
    'Se borró {email}: {responses, plural, one {# respuesta} other {# respuestas}}, {invitations, plural, one {# invitación} other {# invitaciones}}, {outbox, plural, one {# mensaje} other {# mensajes}}, {comments, plural, one {# otro comentario vaciado} other {# otros comentarios vaciados}}, {interactions, plural, one {# interacción desvinculada} other {# interacciones desvinculadas}}.',
  eraseNothing:
    'No hay ningún cliente con este correo; se quitaron {outbox, plural, one {# mensaje} other {# mensajes}} y {comments, plural, one {# comentario} other {# comentarios}} que lo mencionaban.',
  eraseConfirmMissing: 'marca la casilla para confirmar',
  retentionTitle: 'Conservación',
  retentionHint:
    'Las respuestas más antiguas pierden su comentario y el consentimiento de contacto, y las interacciones antiguas pierden el vínculo con el cliente. Las respuestas se conservan, así que el histórico de CPI no cambia. Déjalo vacío para conservarlo todo.',
  retentionMonths: 'Conservar textos y vínculos con clientes durante (meses)',
  retentionSaved: 'Conservación guardada.',
  retentionApply: 'Aplicar la conservación ahora',
  retentionApplied:
    'Conservación aplicada: {responses, plural, one {# respuesta anonimizada} other {# respuestas anonimizadas}}, {interactions, plural, one {# interacción desvinculada} other {# interacciones desvinculadas}}, {customers, plural, one {# cliente borrado} other {# clientes borrados}}.',
  retentionOff: 'La conservación está desactivada: no se anonimiza nada.',
  retentionInvalid: 'debe ser un número entero de meses entre 1 y 600, o estar vacío',
};
