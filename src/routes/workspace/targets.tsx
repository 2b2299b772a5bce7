/**
 * Targets and baselines: GET /targets (?team=<id> for a team's rows), POST /targets.
 * Leads and admins edit; trainers may view the org-wide rows and their own teams' rows
 * (another team is 404) and never post (403). A save or removal is written together
 * with its audit entry; errors come back inline (422) on the CPI's card, naming the field.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv, SessionUser } from '../../context';
import { requireRole, currentUser } from '../../middleware/session';
import { renderHtml, isHtmx } from '../../lib/render';
import { readForm, field, parseWith } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { invalid, notFound } from '../../lib/errors';
import { canManageTargets, teamScopeOf } from '../../domain/access';
import {
  isTargetErrorCode,
  targetForForm,
  targetScopeSchema,
  targetValuesSchema,
  type TargetErrorCode,
} from '../../domain/target-input';
import { CPI_KEYS, type CpiKey } from '../../../db/schema';
import { deleteTarget, getTargets, saveTarget } from '../../../db/queries/targets';
import { listTeams } from '../../../db/queries/reps';
import { recordAudit } from '../../../db/queries/audit';
import { TargetsPage } from '../../../views/pages/workspace/targets';
import { TargetCard, type TargetCardProps, type TargetField } from '../../../views/partials/workspace/target-card';
import { formats } from '../../../views/partials/workspace/format';
import { DAY_MS, isoDay } from '../../lib/days';

type Saved = Awaited<ReturnType<typeof getTargets>>[number];
type CardState = Pick<TargetCardProps, 'values' | 'errors' | 'flash'>;

const teamParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number);

function savedValues(cpi: CpiKey, row: Saved | undefined): Record<TargetField, string> {
  return {
    target: targetForForm(cpi, row?.target ?? null),
    baselineFrom: row?.baselineFrom != null ? isoDay(row.baselineFrom) : '',
    baselineTo: row?.baselineTo != null ? isoDay(row.baselineTo - DAY_MS) : '',
  };
}

export function targetRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  /** The teams the reader may see, and the requested one (404 outside them). */
  async function scopeOf(user: SessionUser, raw: string | undefined) {
    const teams = await listTeams(deps.db.read, teamScopeOf(user));
    if (!raw) return { teams, teamId: null };
    const id = teamParam.safeParse(raw);
    if (!id.success || !teams.some((x) => x.id === id.data)) throw notFound();
    return { teams, teamId: id.data };
  }

  function card(
    user: SessionUser,
    rows: Saved[],
    cpi: CpiKey,
    teamId: number | null,
    state: Partial<CardState> = {},
  ): Omit<TargetCardProps, 't' | 'f'> {
    const saved = rows.find((r) => r.cpi === cpi && r.teamId === teamId);
    const fallback = teamId === null ? undefined : rows.find((r) => r.cpi === cpi && r.teamId === null);
    return {
      cpi,
      teamId,
      saved,
      fallback,
      values: state.values ?? savedValues(cpi, saved),
      errors: state.errors ?? {},
      flash: state.flash,
      canEdit: canManageTargets(user),
    };
  }

  async function page(
    c: Context<AppEnv>,
    user: SessionUser,
    teamId: number | null,
    teams: { id: number; name: string }[],
    states: Partial<Record<CpiKey, Partial<CardState>>>,
    status: 200 | 422 = 200,
  ) {
    const t = staffT(user.locale);
    const visible = new Set(teams.map((x) => x.id));
    const rows = (await getTargets(deps.db.read)).filter((r) => r.teamId === null || visible.has(r.teamId));
    rows.sort(
      (a, b) => (a.team ?? '').localeCompare(b.team ?? '') || CPI_KEYS.indexOf(a.cpi) - CPI_KEYS.indexOf(b.cpi),
    );
    return renderHtml(
      c,
      <TargetsPage
        t={t}
        f={formats(user.locale)}
        user={user}
        teams={teams}
        teamId={teamId}
        cards={CPI_KEYS.map((cpi) => card(user, rows, cpi, teamId, states[cpi]))}
        rows={rows}
        canEdit={canManageTargets(user)}
      />,
      status,
    );
  }

  app.get('/targets', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const { teams, teamId } = await scopeOf(user, c.req.query('team'));
    const flashCpi = CPI_KEYS.find((x) => x === c.req.query('saved') || x === c.req.query('deleted'));
    const states: Partial<Record<CpiKey, Partial<CardState>>> = flashCpi
      ? { [flashCpi]: { flash: c.req.query('saved') ? 'saved' : 'deleted' } }
      : {};
    return page(c, user, teamId, teams, states);
  });

  app.post('/targets', requireRole('admin', 'lead'), async (c) => {
    const user = currentUser(c);
    const form = await readForm(c);
    const scope = parseWith(targetScopeSchema, { cpi: field(form, 'cpi'), team: field(form, 'team') });
    if (!scope.ok) throw invalid(scope.issues, 'Unknown CPI or team.');
    const { cpi, team: teamId } = scope.data;
    const { teams } = await scopeOf(user, teamId === null ? undefined : String(teamId));
    const now = deps.clock.nowMs();
    const subject = `${cpi}:${teamId === null ? 'org' : `team:${teamId}`}`;
    const respond = async (state: Partial<CardState>, status: 200 | 422 = 200) => {
      if (!isHtmx(c)) return page(c, user, teamId, teams, { [cpi]: state }, status);
      const t = staffT(user.locale);
      const rows = await getTargets(deps.db.read);
      return renderHtml(
        c,
        <TargetCard t={t} f={formats(user.locale)} {...card(user, rows, cpi, teamId, state)} />,
        status,
      );
    };
    const back = (flash: 'saved' | 'deleted') =>
      c.redirect(`/targets?${teamId === null ? '' : `team=${teamId}&`}${flash}=${cpi}#target-${cpi}`, 303);

    if (field(form, 'action') === 'delete') {
      await deps.db.write(async (tx) => {
        await deleteTarget(tx, cpi, teamId);
        await recordAudit(tx, now, { actor: user.email, action: 'target.delete', subject });
      });
      return isHtmx(c) ? respond({ flash: 'deleted' }) : back('deleted');
    }

    const typed = {
      target: field(form, 'target') ?? '',
      baselineFrom: field(form, 'baselineFrom') ?? '',
      baselineTo: field(form, 'baselineTo') ?? '',
    };
    const parsed = parseWith(targetValuesSchema(cpi, now), typed);
    if (!parsed.ok) {
      const errors: Partial<Record<TargetField, TargetErrorCode>> = {};
      for (const [name, code] of Object.entries(parsed.errors)) {
        if ((name === 'target' || name === 'baselineFrom' || name === 'baselineTo') && isTargetErrorCode(code))
          errors[name] = code;
      }
      return respond({ values: typed, errors }, 422);
    }
    const values = { cpi, teamId, ...parsed.data };
    await deps.db.write(async (tx) => {
      await saveTarget(tx, values, user.id, now);
      await recordAudit(tx, now, { actor: user.email, action: 'target.save', subject, detail: parsed.data });
    });
    return isHtmx(c) ? respond({ flash: 'saved' }) : back('saved');
  });

  return app;
}
