/** A site's deal, in the order the work happens (認購 → 簽約 → 銀行按揭 → 合同登記 → 尾款收取). */
export const DEAL_STAGES = ['visiting', 'reserved', 'contracted', 'mortgage', 'registered', 'paid', 'closed'] as const;
export type OpenStage = (typeof DEAL_STAGES)[number];
export type DealStage = OpenStage | 'lost';

export const isFinished = (stage: DealStage): boolean => stage === 'closed' || stage === 'lost';

export function nextStage(stage: DealStage): OpenStage | undefined {
  if (stage === 'lost') return undefined;
  const index = DEAL_STAGES.indexOf(stage);
  return DEAL_STAGES[index + 1];
}

/** The stages past 認購 (簽約 and after): while a deal drives a file, only the deal puts it there. */
export const followsDeal = (stage: string): boolean => DEAL_STAGES.indexOf(stage as OpenStage) > 1;

/** Forward one step at a time, or to lost from any open stage. */
export function canMove(from: DealStage, to: DealStage): boolean {
  if (isFinished(from)) return false;
  return to === 'lost' || nextStage(from) === to;
}

/**
 * Where an undo takes a deal: one step back, or for a lost deal the stage it was lost from. Nothing
 * before 來訪中.
 */
export function previousStage(stage: DealStage, lostFrom?: string): OpenStage | undefined {
  if (stage === 'lost') return DEAL_STAGES.find((s) => s === lostFrom);
  const index = DEAL_STAGES.indexOf(stage);
  return index > 0 ? DEAL_STAGES[index - 1] : undefined;
}

/** Days a stage may stand still before the owner, and then the deputy, are reminded. */
export const DEFAULT_STAGE_LIMIT_DAYS: Record<OpenStage, number> = {
  visiting: 14,
  reserved: 7,
  contracted: 14,
  mortgage: 30,
  registered: 30,
  paid: 14,
  closed: Number.POSITIVE_INFINITY,
};

/** Which reminder a stuck file is due, given how long its stage has stood still. */
export function dueReminderLevel(
  stage: DealStage,
  stageChangedAt: Date,
  alreadySent: number,
  now: Date,
  limits: Record<OpenStage, number> = DEFAULT_STAGE_LIMIT_DAYS,
): 0 | 1 | 2 {
  if (isFinished(stage)) return 0;
  const limitMs = limits[stage as OpenStage] * 86_400_000;
  if (!Number.isFinite(limitMs)) return 0;
  const stuckMs = now.getTime() - stageChangedAt.getTime();
  const level = stuckMs >= 2 * limitMs ? 2 : stuckMs >= limitMs ? 1 : 0;
  return level > alreadySent ? level : 0;
}
