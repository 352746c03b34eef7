import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import {
  findUnitByName,
  moveUnitState,
  recordUnitChange,
  setUnitPrice,
  unitHistory,
  type Unit,
  type UnitChange,
} from '../../db/deals/unit-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, formatMoney, parseMoneyCents } from '../../domain/deals/money.ts';
import { pmMove } from '../../domain/deals/unit-states.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { localeOf } from '../org/locale-of.ts';
import { mayManageUnits, mayViewBoard } from './deal-access.ts';
import { currencyOf } from './deal-messages.ts';

interface UnitRef {
  db: Db;
  chart: OrgChart;
  actorId: string;
  building: string;
  number: string;
}

async function unitOf(o: UnitRef): Promise<Unit> {
  const unit = await findUnitByName(o.db, o.chart.data.orgId, o.building, o.number);
  if (!unit) throw new AppError(ErrorCode.NotFound, { what: `${o.building} ${o.number}` });
  return unit;
}

function requirePm(o: UnitRef): void {
  if (!mayManageUnits(o.chart, o.actorId))
    throw new AppError(ErrorCode.Forbidden, {}, 'units are managed by the PM', 'units.pm_only');
}

/** The PM holds an available unit (保留) or releases a held one; history and audit keep who and when. */
export async function holdOrReleaseUnit(
  o: UnitRef & { clock: Clock; action: 'hold' | 'release'; note?: string },
): Promise<Unit> {
  requirePm(o);
  const unit = await unitOf(o);
  const to = pmMove(unit.state, o.action);
  if (!to)
    throw new AppError(
      ErrorCode.InvalidInput,
      { state: unit.state },
      `${o.action} from ${unit.state}`,
      `units.cannot_${o.action}`,
    );
  const now = o.clock.now();
  return transaction(o.db, async (tx) => {
    if (!(await moveUnitState(tx, unit.id, { from: unit.state, to, dealId: null, now })))
      throw new AppError(ErrorCode.InvalidInput, { state: unit.state }, 'moved meanwhile', `units.cannot_${o.action}`);
    const change = { orgId: unit.orgId, unitId: unit.id, by: o.actorId, at: now, note: o.note };
    await recordUnitChange(tx, { ...change, kind: 'state', fromValue: unit.state, toValue: to });
    await recordAudit(tx, {
      orgId: unit.orgId,
      actor: o.actorId,
      action: `unit.${o.action}`,
      subject: `unit:${unit.id}`,
      at: now,
    });
    return { ...unit, state: to, stateChangedAt: now };
  });
}

/** The PM changes a unit's list price; the change is kept with the old and new price. */
export async function changeUnitPrice(
  o: UnitRef & { clock: Clock; price: string },
): Promise<{ unit: Unit; fromCents: number }> {
  requirePm(o);
  const unit = await unitOf(o);
  const parsed = parseMoneyCents(o.price, CONTRACT_AMOUNT_MAX_CENTS);
  if (!parsed.ok)
    throw new AppError(
      ErrorCode.InvalidInput,
      { max: formatMoney(CONTRACT_AMOUNT_MAX_CENTS, currencyOf(o.chart), localeOf(o.chart, o.actorId)) },
      `price ${parsed.error}`,
      `units.price.error.${parsed.error}`,
    );
  const now = o.clock.now();
  return transaction(o.db, async (tx) => {
    if (!(await setUnitPrice(tx, unit.id, unit.listPriceCents, parsed.cents, now)))
      throw new AppError(ErrorCode.InvalidInput, {}, 'price changed meanwhile', 'units.price.changed_meanwhile');
    const change = { orgId: unit.orgId, unitId: unit.id, by: o.actorId, at: now };
    await recordUnitChange(tx, {
      ...change,
      kind: 'price',
      fromValue: String(unit.listPriceCents),
      toValue: String(parsed.cents),
    });
    await recordAudit(tx, {
      orgId: unit.orgId,
      actor: o.actorId,
      action: 'unit.price',
      subject: `unit:${unit.id}`,
      detail: { from: unit.listPriceCents, to: parsed.cents },
      at: now,
    });
    return { unit: { ...unit, listPriceCents: parsed.cents }, fromCents: unit.listPriceCents };
  });
}

/** A unit and its changes, for those who may see the board. */
export async function unitWithHistory(o: UnitRef): Promise<{ unit: Unit; history: UnitChange[] }> {
  if (!mayViewBoard(o.chart, o.actorId))
    throw new AppError(ErrorCode.Forbidden, {}, 'board is for the site office and team leads', 'units.not_allowed');
  const unit = await unitOf(o);
  return { unit, history: await unitHistory(o.db, unit.id) };
}
