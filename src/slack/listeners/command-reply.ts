import type { AckFn, RespondArguments, RespondFn } from '@slack/bolt';

type Reply = string | RespondArguments;

/**
 * A slash command owes Slack one ack within 3 seconds. This remembers whether it was given, so a
 * refusal goes in the ack when none was sent yet (a stranger is refused before any ack) and by
 * response_url after one was.
 */
export function commandReply(ack: AckFn<Reply>, respond: RespondFn) {
  let acked = false;
  return {
    async ack(response?: Reply): Promise<void> {
      acked = true;
      await ack(response);
    },
    async answer(response: RespondArguments): Promise<void> {
      if (acked) {
        await respond(response);
        return;
      }
      acked = true;
      await ack(response);
    },
  };
}
