import { stripInvisible } from '../../lib/text.ts';
import type { Step } from './steps.ts';

/**
 * Every typed text leaves here without bidi controls or zero-width characters: command text,
 * modal inputs and message text. One place, so no new listener can forget it.
 */
// biome-ignore lint/suspicious/noExplicitAny: Slack JSON of many shapes; each field read is checked
type SlackJson = Record<string, any>;

export function stripInvisibleText(): Step {
  return async (args, next) => {
    const body = args.body as SlackJson;
    if (typeof body.text === 'string') body.text = stripInvisible(body.text);
    if (typeof body.event?.text === 'string') body.event.text = stripInvisible(body.event.text);
    for (const actions of Object.values<SlackJson>(body.view?.state?.values ?? {})) {
      for (const element of Object.values<SlackJson>(actions ?? {})) {
        if (typeof element?.value === 'string') element.value = stripInvisible(element.value);
      }
    }
    await next();
  };
}
