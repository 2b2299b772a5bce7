import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { SkillsPage, type SkillsPageProps } from '../../../views/pages/admin/skills';
import { renderHtml } from '../../lib/render';
import { readForm, field, parseWith } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import { listSkills } from '../../../db/queries/training';
import { createSkill, getSkill, updateSkill } from '../../../db/queries/admin-records';
import { recordAudit } from '../../../db/queries/audit';
import { idParam, savedNotice, skillForm, slugOf } from './record-forms';

/** /admin/skills: the skills training records score, each with its proficiency target. */
export function skillAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const page = async (
    c: Context<AppEnv>,
    extra: Partial<Omit<SkillsPageProps, 't' | 'user' | 'skills'>> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const skills = await listSkills(deps.db.read);
    const done = savedNotice(c);
    const named = done && skills.find((s) => String(s.id) === done.id);
    const notice = named ? t(done.kind === 'created' ? 'skillCreated' : 'skillSaved', { name: named.name }) : undefined;
    return renderHtml(c, <SkillsPage t={t} user={user} skills={skills} notice={notice} {...extra} />, status);
  };

  const save = async (c: Context<AppEnv>, editing?: NonNullable<SkillsPageProps['editing']>) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const form = await readForm(c);
    const values = { name: field(form, 'name'), proficiencyTarget: field(form, 'proficiencyTarget') };
    const parsed = parseWith(skillForm, values);
    if (!parsed.ok) return page(c, { editing, values, errors: parsed.errors }, 422);
    const slug = editing?.slug ?? slugOf(parsed.data.name);
    if (!slug) return page(c, { editing, values, errors: { name: 'must contain letters or digits' } }, 422);
    const now = deps.clock.nowMs();
    const result = await deps.db.write(async (tx) => {
      const saved = editing
        ? await updateSkill(tx, editing.id, parsed.data)
        : await createSkill(tx, { ...parsed.data, slug }, now);
      if (saved.ok)
        await recordAudit(tx, now, {
          actor: user.email,
          action: editing ? 'skill.update' : 'skill.create',
          subject: slug,
          detail: editing
            ? { from: { name: editing.name, proficiencyTarget: editing.proficiencyTarget }, to: parsed.data }
            : parsed.data,
        });
      return saved;
    });
    if (!result.ok) return page(c, { editing, values, errors: { name: t('skillNameTaken') } }, 409);
    return c.redirect(`/admin/skills?${editing ? 'saved' : 'created'}=${result.id}`, 303);
  };

  const target = async (c: Context<AppEnv>) => {
    const skill = await getSkill(deps.db.read, idParam(c));
    if (!skill) throw notFound();
    return skill;
  };

  app.get('/', (c) => page(c));
  app.post('/', (c) => save(c));
  app.get('/:id/edit', async (c) => page(c, { editing: await target(c) }));
  app.post('/:id', async (c) => save(c, await target(c)));
  return app;
}
