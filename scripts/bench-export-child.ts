// One digest of one export with the size limit off, for scripts/bench-export.ts: exits 0 when it
// answered (a heap too small kills the process instead). No file: the digest's fixed cost alone.
import { commands } from '../commands/index.js';
import { historyFromExport } from '../src/adapters/shell/history-file.js';
import { loadKnowledgeBaseFast } from '../src/core/prebuilt.js';
import { createRouter } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';

const file = process.argv[2];
const router = createRouter({ commands, kb: loadKnowledgeBaseFast(), store: memoryStore(), logger: { error: () => undefined } });
const invocation = { platform: 'shell', command: 'digest', args: '', userId: 'shell:b', channelId: 'shell:b', isAdmin: true } as const;
if (file) {
  const loaded = await historyFromExport(file, 'en', { limit: { bytes: Number.POSITIVE_INFINITY, heapLimit: 0 } });
  if (!loaded.ok) throw new Error(loaded.message);
  const reply = await router.handle({ ...invocation, history: loaded.history });
  process.exitCode = reply.kind === 'answer' ? 0 : 1;
} else {
  const reply = await router.handle({ ...invocation, args: 'help' });
  process.exitCode = reply.kind ? 0 : 1;
}
