/** The values of a submitted modal by block_id, whatever the input element. */
export function readViewValues(view: {
  // biome-ignore lint/suspicious/noExplicitAny: Slack JSON of many shapes; each field read is checked
  state?: { values?: Record<string, Record<string, any>> };
}): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [blockId, actions] of Object.entries(view.state?.values ?? {})) {
    const element = Object.values(actions)[0] ?? {};
    out[blockId] =
      element.value ??
      element.selected_option?.value ??
      element.selected_date_time ??
      element.selected_date ??
      element.selected_time ??
      element.selected_user ??
      null;
  }
  return out;
}

/** private_metadata carries small JSON between a button and the modal it opened. */
export function readMetadata<T>(view: { private_metadata?: string }): T | undefined {
  try {
    return view.private_metadata ? (JSON.parse(view.private_metadata) as T) : undefined;
  } catch {
    return undefined;
  }
}
