import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App,
  HTTPModuleFunctions,
  HTTPReceiver,
  type HTTPReceiverOptions,
  HTTPResponseAck,
  type Logger as BoltLogger,
  type ReceiverEvent,
} from '@slack/bolt';
import { CHART_VERSION_SEEN } from './middleware/identify-asker.ts';
import { type RequestGuardOptions, type Screening, screenEventRequest } from './request-guard.ts';

type Served = Extract<Screening, { serve: true }>;

/**
 * Bolt's HTTP receiver (its server, custom routes and the rest), except that POST to the events
 * endpoint is served here: screened once (request-guard.ts) and its parsed body handed to the app as
 * Bolt's own receiver hands it, acknowledged by Bolt's HTTPResponseAck.
 */
export class ScreenedReceiver extends HTTPReceiver {
  private served?: App;

  constructor(
    options: HTTPReceiverOptions & { logger: BoltLogger },
    private readonly guard: RequestGuardOptions & { endpoint: string },
  ) {
    super(options);
    const bolt = this.requestListener;
    this.requestListener = (req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method === 'POST' && path === guard.endpoint) this.serveEvent(req, res, options.logger);
      else bolt(req, res);
    };
  }

  override init(app: App): void {
    super.init(app);
    this.served = app;
  }

  private serveEvent(req: IncomingMessage, res: ServerResponse, logger: BoltLogger): void {
    screenEventRequest(req, this.guard)
      .then((screening) => {
        if (screening.serve) return this.dispatch(req, res, screening, logger);
        if (screening.why)
          this.guard.logger.warn({ why: screening.why, status: screening.status }, 'refused a request');
        res.writeHead(screening.status);
        res.end();
      })
      .catch((error: unknown) => {
        this.guard.logger.error({ err: error }, 'could not serve a request to the events endpoint');
        if (!res.headersSent) res.writeHead(HTTPModuleFunctions.isRawBodyError(error) ? 413 : 503);
        res.end();
      });
  }

  /** As Bolt's HTTPReceiver.handleIncomingEvent, from the parsed body on. */
  private async dispatch(req: IncomingMessage, res: ServerResponse, screened: Served, logger: BoltLogger) {
    const { body, chartVersion } = screened;
    if (body.type === 'url_verification') return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
      // the chart version read with the signature: identifyAsker checks the chart without a read of its own
      customProperties: chartVersion === undefined ? {} : { [CHART_VERSION_SEEN]: chartVersion },
    };
    try {
      await this.served?.processEvent(event);
    } catch (error) {
      const acknowledged = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error,
        logger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (acknowledged) ack.ack();
    }
  }
}
