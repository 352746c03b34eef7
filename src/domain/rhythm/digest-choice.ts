/** What `/org digest` accepts; `off` stops the digest, anything else is not a choice. */
export const DIGEST_CHOICES = ['daily', 'weekly', 'monthly', 'off'] as const;
export type DigestChoice = (typeof DIGEST_CHOICES)[number];

/** Reads a typed choice in any case; undefined when it names none (the caller shows the usage). */
export function parseDigestChoice(text: string): DigestChoice | undefined {
  const lower = text.trim().toLowerCase();
  return (DIGEST_CHOICES as readonly string[]).includes(lower) ? (lower as DigestChoice) : undefined;
}
