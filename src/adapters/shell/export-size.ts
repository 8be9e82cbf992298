// How large an export `--history` reads. A digest holds the whole export as messages while it
// summarises them, and a JavaScript heap that runs out kills the process with a V8 report instead
// of a sentence. So the limit follows the heap this process was given (V8's heap_size_limit, which
// NODE_OPTIONS=--max-old-space-size raises), and a larger export is refused before it is read.
import { getHeapStatistics } from 'node:v8';

/**
 * Heap bytes a digest needs per byte of export at its peak (the file's text, the parsed JSON, the
 * messages and the summariser's working set), measured by scripts/bench-export.ts on generated
 * exports of 150,000 compact messages (the most messages per byte): Slack 4.9, DiscordChatExporter
 * 4.6, JSON lines 5.7. Rounded up with room for a summariser that keeps more.
 */
export const HEAP_PER_EXPORT_BYTE = 8;

/** What the rest of the heap is left for: the knowledge base, the search index and the reply. */
const SHARE_OF_FREE_HEAP = 0.8;

export interface ByteLimit {
  bytes: number;
  /** V8's heap limit the bytes were worked out from, for the message. */
  heapLimit: number;
}

export function exportByteLimit(heap = getHeapStatistics()): ByteLimit {
  const free = Math.max(0, heap.heap_size_limit - heap.used_heap_size);
  return { bytes: Math.floor((free * SHARE_OF_FREE_HEAP) / HEAP_PER_EXPORT_BYTE), heapLimit: heap.heap_size_limit };
}

export function tooLargeMessage(total: number, limit: ByteLimit): string {
  return (
    `the export is ${megabytes(total)}, more than the ${megabytes(limit.bytes)} a digest can read within this process's ` +
    `${megabytes(limit.heapLimit)} heap limit (it needs about ${HEAP_PER_EXPORT_BYTE} bytes of heap per byte of export); ` +
    `split it by date, or raise the limit, e.g. NODE_OPTIONS=--max-old-space-size=${suggestedHeapMb(total)}`
  );
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** A heap size (MB) under which this export would pass. */
function suggestedHeapMb(total: number): number {
  const needed = (total * HEAP_PER_EXPORT_BYTE) / SHARE_OF_FREE_HEAP / 1024 / 1024;
  return Math.ceil((needed + 256) / 512) * 512;
}
