import type { Db } from '../../db/unit-of-work.ts';
import type { ErpProblem } from '../../domain/erp/erp-columns.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Clock } from '../../lib/clock.ts';

/** What an ERP export holds, decided by its headings. */
export type ErpKind = 'accounts' | 'products' | 'orders' | 'shipments' | 'invoices' | 'payments' | 'credit_notes';

/**
 * An import's last word: how many records (accounts, products, documents) the file holds, how many
 * were added, updated, or already there (documents are never changed by a second import); or every bad row.
 */
export type ErpImportResult =
  | {
      ok: true;
      kind: ErpKind;
      total: number;
      added: number;
      updated: number;
      unchanged: number;
      /** the register's credit columns: distributors rated for the first time, and changes left */
      creditsSet?: number;
      creditsLeft?: number;
    }
  | { ok: false; kind: ErpKind | undefined; problems: ErpProblem[] };

export interface ErpImportInput {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  fileName: string;
  rows: string[][];
  /** how many records are written so far, of how many */
  onProgress?: (done: number, total: number) => void;
}

/** One kind of ERP export: how it is recognised, who may import it, and the import itself. */
export interface ErpImporter {
  kind: ErpKind;
  /** The headings that name this kind's own document (its number); the first importer whose heading is there wins. */
  recognisedBy: string[];
  mayImport(chart: OrgChart, actorId: string): boolean;
  run(input: ErpImportInput): Promise<ErpImportResult>;
}

/** The ledger's documents are the SSG's to import (not the leadership's, not the admins'). */
export const ssgOnly = (chart: OrgChart, actorId: string): boolean => chart.isSsg(actorId);

export const refused = (kind: ErpKind, problems: ErpProblem[]): ErpImportResult => ({ ok: false, kind, problems });
