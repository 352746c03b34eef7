import type { ListenerRouter } from '../listener-router.ts';
import { proposeCredit } from '../../../services/accounts/credit-review.ts';
import { reasonText } from '../../../views/accounts/import-messages.ts';
import { problemBullets } from '../../../views/import-problems.ts';
import { CreditIds } from '../../../views/ids.ts';
import { t } from '../../../i18n/index.ts';
import { saveSubmission } from '../save-submission.ts';
import type { AppContext } from '../../app-context.ts';
import { askerOf, requireMember } from '../asker-of.ts';
import { readMetadata, readViewValues } from '../read-view-values.ts';

/** The SSG leader's proposed credit changes: every bad line is named under the field, nothing is sent then. */
export function registerCreditSubmissions(app: ListenerRouter, ctx: AppContext): void {
  app.view(CreditIds.proposeCallback, async ({ ack, view, body, context }) => {
    const asker = askerOf(context);
    await saveSubmission({ ack, ctx, asker, field: CreditIds.linesBlock }, async () => {
      requireMember(asker);
      const reviewId = readMetadata<{ reviewId: number }>(view)?.reviewId ?? 0;
      const text = String(readViewValues(view)[CreditIds.linesBlock] ?? '');
      const { problems } = await proposeCredit({
        db: ctx.db,
        clock: ctx.clock,
        chart: asker.chart,
        askerId: body.user.id,
        reviewId,
        text,
      });
      if (problems.length === 0) return;
      // one bullet a line with every reason of it, as the imports list them
      const { locale } = asker;
      const { bullets, more } = problemBullets(problems, {
        ...{ locale, shown: 10, reason: (p) => reasonText(p, locale) },
        line: (line, reasons) => t(locale, 'account.import.line', { line, reason: reasons }),
      });
      if (more > 0) bullets.push(t(locale, 'account.import.more', { count: more }));
      return { [CreditIds.linesBlock]: t(locale, 'account.credit.problems', { problems: bullets.join('\n') }) };
    });
  });
}
