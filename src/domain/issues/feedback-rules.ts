export const FEEDBACK_TYPES = ['market_info', 'competitor', 'price', 'customer_voice', 'product', 'policy'] as const;
export const IMPORTANCE = ['normal', 'important', 'urgent'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

export const FEEDBACK_LIMITS = { content: 2000, subject: 80 } as const;

export interface RawFeedbackInput {
  type?: string | null;
  content?: string | null;
  subject?: string | null;
  importance?: string | null;
}

export interface FeedbackInput {
  type: FeedbackType;
  content: string;
  subject: string;
  importance: (typeof IMPORTANCE)[number];
}

export interface FeedbackFieldError {
  field: keyof RawFeedbackInput;
  reason: 'required' | 'too_long' | 'choice';
  params?: Record<string, number>;
}

export function validateFeedback(
  raw: RawFeedbackInput,
): { ok: true; input: FeedbackInput } | { ok: false; errors: FeedbackFieldError[] } {
  const errors: FeedbackFieldError[] = [];
  const type = (raw.type ?? '').trim();
  if (!type) errors.push({ field: 'type', reason: 'required' });
  else if (!FEEDBACK_TYPES.includes(type as FeedbackType)) errors.push({ field: 'type', reason: 'choice' });
  const content = (raw.content ?? '').trim();
  if (!content) errors.push({ field: 'content', reason: 'required' });
  else if ([...content].length > FEEDBACK_LIMITS.content)
    errors.push({ field: 'content', reason: 'too_long', params: { max: FEEDBACK_LIMITS.content } });
  const subject = (raw.subject ?? '').trim();
  if ([...subject].length > FEEDBACK_LIMITS.subject)
    errors.push({ field: 'subject', reason: 'too_long', params: { max: FEEDBACK_LIMITS.subject } });
  const importance = (raw.importance ?? 'normal').trim() || 'normal';
  if (!IMPORTANCE.includes(importance as FeedbackInput['importance']))
    errors.push({ field: 'importance', reason: 'choice' });
  return errors.length > 0
    ? { ok: false, errors }
    : {
        ok: true,
        input: { type: type as FeedbackType, content, subject, importance: importance as FeedbackInput['importance'] },
      };
}
