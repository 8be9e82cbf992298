// A render thread: SVG in, PNG out, one at a time. Started by render-threads.ts; the bundle builds
// it as its own entry (dist/app/render-worker.js).
//
// Why a thread and not resvg's own renderAsync: renderAsync draws on libuv's thread pool but
// leaves the PNG encoding (a third of the time) on the calling thread, and it shares that pool
// (four threads) with file and DNS work; a thread of our own takes all of it off the event loop.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { renderPng } from './render-png.js';

// resvg's images and trees hold megabytes of native memory (a 1280x760 pixmap alone is 3.9 MB)
// that V8 does not see: nothing prompts a collection in this thread's small heap, so they piled up
// at about 4.4 MB a chart (1 GB after 240). A minor collection after each render (under a
// millisecond) frees them; their finalizers run when the thread next turns its event loop.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;

export interface RenderRequest {
  id: number;
  svg: string;
}

export type RenderResponse = { id: number; png: Uint8Array } | { id: number; error: string };

if (!parentPort) throw new Error('render-worker.ts runs as a worker thread (see render-threads.ts)');

/**
 * On a busy machine the CPU goes to acknowledgements first (Slack and Discord give them 3 s) and
 * to pictures second: this thread, and only this thread, runs at a lower priority (nice 10). Linux
 * names a thread's id in /proc/thread-self; elsewhere the thread keeps the process's priority.
 */
function yieldToTheEventLoop(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 10);
  } catch {
    // Not Linux, or not allowed: renders run at the process's priority.
  }
}
yieldToTheEventLoop();

const port = parentPort;
port.on('message', ({ id, svg }: RenderRequest) => {
  let response: RenderResponse;
  try {
    // A copy with its own buffer, so it can be moved to the main thread instead of copied again.
    response = { id, png: new Uint8Array(renderPng(svg)) };
  } catch (err) {
    response = { id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(response, 'png' in response ? [response.png.buffer as ArrayBuffer] : []);
  gc({ type: 'minor' });
});
