// Draws charts off the main thread (see chart-renderer.ts): ECharts and resvg take tens of
// milliseconds of CPU per chart, during which the bot could answer nothing.
import { parentPort } from 'node:worker_threads';
import { renderChartPng } from './render-chart.mjs';

parentPort.on('message', ({ id, spec }) => {
  try {
    const png = renderChartPng(spec);
    const bytes = png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength);
    parentPort.postMessage({ id, png: bytes }, [bytes]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
parentPort.postMessage({ ready: true });
