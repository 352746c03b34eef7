/** What a focus draft holds, checked before anything is saved (never cut short in silence). */
export const FOCUS_LIMITS = { main: 300, secondary: 300, rowTargets: 200, rowFocus: 300 } as const;

export interface FocusDraftInput {
  main: string;
  secondary1: string;
  secondary2: string;
  rows: { code: string; name: string; targets: string; focus: string }[];
}

/** A problem with one field: which block, which message, and what the message names. */
export interface FocusDraftError {
  field: string;
  problem: 'required' | 'too_long';
  /** `focus.field.main` and the like; row fields name their market */
  label: 'main' | 'secondary1' | 'secondary2' | 'row_targets' | 'row_focus';
  market?: string;
  max: number;
}

const length = (text: string) => [...text].length;

/** Every problem of a draft: the three focuses are required; each field has its limit (characters, not bytes). */
export function focusDraftProblems(input: FocusDraftInput): FocusDraftError[] {
  const errors: FocusDraftError[] = [];
  for (const key of ['main', 'secondary1', 'secondary2'] as const) {
    const max = key === 'main' ? FOCUS_LIMITS.main : FOCUS_LIMITS.secondary;
    if (!input[key].trim()) errors.push({ field: key, problem: 'required', label: key, max });
    else if (length(input[key].trim()) > max) errors.push({ field: key, problem: 'too_long', label: key, max });
  }
  for (const row of input.rows) {
    if (length(row.targets.trim()) > FOCUS_LIMITS.rowTargets) {
      const max = FOCUS_LIMITS.rowTargets;
      errors.push({ field: `targets:${row.code}`, problem: 'too_long', label: 'row_targets', market: row.name, max });
    }
    if (length(row.focus.trim()) > FOCUS_LIMITS.rowFocus) {
      const max = FOCUS_LIMITS.rowFocus;
      errors.push({ field: `focus:${row.code}`, problem: 'too_long', label: 'row_focus', market: row.name, max });
    }
  }
  return errors;
}
