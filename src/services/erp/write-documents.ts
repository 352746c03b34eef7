import { recordAudit } from '../../db/audit-repo.ts';
import { transaction, type Unit } from '../../db/unit-of-work.ts';
import type { ErpProblem } from '../../domain/erp/erp-columns.ts';
import type { ErpImportInput, ErpImportResult, ErpKind } from './erp-importer.ts';

/** Progress is told after this many documents. */
const PROGRESS_EVERY = 200;

/**
 * The write half of a ledger import, once every row is checked: the new documents in ONE unit of
 * work (all or nothing), progress told as it goes, and an audit line. Documents already in the
 * ledger were left out by the check and count as unchanged.
 */
export async function writeDocuments<D>(
  o: ErpImportInput,
  kind: ErpKind,
  checked: { ok: true; docs: D[] } | { ok: false; problems: ErpProblem[] },
  total: number,
  write: (unit: Unit, doc: D, now: Date) => Promise<void>,
): Promise<ErpImportResult> {
  if (!checked.ok) return { ok: false, kind, problems: checked.problems };
  const { docs } = checked;
  const now = o.clock.now();
  const orgId = o.chart.data.orgId;
  await transaction(o.db, async (unit) => {
    for (const [index, doc] of docs.entries()) {
      await write(unit, doc, now);
      if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === docs.length) o.onProgress?.(index + 1, docs.length);
    }
    await recordAudit(unit, {
      orgId,
      actor: o.actorId,
      action: `erp.import.${kind}`,
      subject: o.fileName,
      detail: { total, added: docs.length },
      at: now,
    });
  });
  return { ok: true, kind, total, added: docs.length, updated: 0, unchanged: total - docs.length };
}
