import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../context';
import { RulesPage, type RuleForm, type RuleFormValues } from '../../../views/pages/admin/rules';
import { renderHtml } from '../../lib/render';
import { readForm, field, fieldList, parseWith } from '../../lib/forms';
import { staffT, type StaffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import { saveRule } from '../../../db/queries/survey-rules';
import { getRules } from '../../domain/survey-rules';
import { recordAudit } from '../../../db/queries/audit';
import { ANSWER_KEYS, INTERACTION_TYPES, type InteractionType } from '../../../db/schema';
import type { Rule } from '../../domain/survey-rules';

const isInteractionType = (value: string | undefined): value is InteractionType =>
  (INTERACTION_TYPES as readonly string[]).includes(value ?? '');

/** The rule form's schema, with messages in the admin's language. */
function ruleSchema(t: StaffT) {
  const whole = (min: number, max: number) =>
    z
      .string()
      .trim()
      .regex(/^\d{1,7}$/, t('errWholeNumber'))
      .transform(Number)
      .pipe(z.number().min(min, t('errBetween', { min, max })).max(max, t('errBetween', { min, max })));
  const answerKeys = z
    .array(z.enum(ANSWER_KEYS, { error: t('errUnknownQuestion') }))
    .transform((keys) => ANSWER_KEYS.filter((k) => keys.includes(k)));
  return z
    .object({
      sendDelayMinutes: whole(0, 10080),
      fatigueDays: whole(0, 365),
      expiryDays: whole(1, 90),
      reminderAfterDays: z
        .string()
        .trim()
        .regex(/^(\d{1,7})?$/, t('errWholeNumberOrEmpty'))
        .transform((v) => (v === '' ? null : Number(v))),
      questions: answerKeys.refine((keys) => keys.length > 0, t('errAskOne')),
      required: answerKeys,
    })
    .superRefine((rule, ctx) => {
      if (
        rule.reminderAfterDays !== null &&
        (rule.reminderAfterDays < 1 || rule.reminderAfterDays >= rule.expiryDays)
      ) {
        const message =
          rule.expiryDays > 1 ? t('errReminderRange', { max: rule.expiryDays - 1 }) : t('errReminderNone');
        ctx.addIssue({ code: 'custom', path: ['reminderAfterDays'], message });
      }
      if (rule.required.some((key) => !rule.questions.includes(key)))
        ctx.addIssue({ code: 'custom', path: ['required'], message: t('errRequiredNotAsked') });
    });
}

const formValuesOf = (rule: Rule): RuleFormValues => ({
  sendDelayMinutes: String(rule.sendDelayMinutes),
  fatigueDays: String(rule.fatigueDays),
  expiryDays: String(rule.expiryDays),
  reminderAfterDays: rule.reminderAfterDays === null ? '' : String(rule.reminderAfterDays),
  questions: [...rule.questions],
  required: [...rule.required],
});

/** /admin/rules: one form per interaction type; saved rules apply to interactions that arrive later. */
export function ruleAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const formsFor = async (posted?: RuleForm): Promise<RuleForm[]> => {
    const rules = await getRules(deps.db.read);
    return INTERACTION_TYPES.map((type) =>
      posted?.type === type ? posted : { type, values: formValuesOf(rules.get(type)!) },
    );
  };

  app.get('/', async (c) => {
    const user = currentUser(c);
    const saved = c.req.query('saved');
    return renderHtml(
      c,
      <RulesPage
        t={staffT(user.locale)}
        user={user}
        forms={await formsFor()}
        savedType={isInteractionType(saved) ? saved : undefined}
      />,
    );
  });

  app.post('/:type', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const type = c.req.param('type');
    if (!isInteractionType(type)) throw notFound();
    const form = await readForm(c);
    const values: RuleFormValues = {
      sendDelayMinutes: field(form, 'sendDelayMinutes') ?? '',
      fatigueDays: field(form, 'fatigueDays') ?? '',
      expiryDays: field(form, 'expiryDays') ?? '',
      reminderAfterDays: field(form, 'reminderAfterDays') ?? '',
      questions: fieldList(form, 'questions', ANSWER_KEYS.length),
      required: fieldList(form, 'required', ANSWER_KEYS.length),
    };
    const parsed = parseWith(ruleSchema(t), values);
    if (!parsed.ok) {
      return renderHtml(
        c,
        <RulesPage t={t} user={user} forms={await formsFor({ type, values, errors: parsed.errors })} />,
        422,
      );
    }
    const rule: Rule = { interactionType: type, ...parsed.data };
    const now = deps.clock.nowMs();
    const before = (await getRules(deps.db.read)).get(type);
    await deps.db.write(async (tx) => {
      await saveRule(tx, rule, now);
      await recordAudit(tx, now, {
        actor: user.email,
        action: 'rules.save',
        subject: type,
        detail: { before, after: rule },
      });
    });
    return c.redirect(`/admin/rules?saved=${type}#rule-${type}`, 303);
  });

  return app;
}
