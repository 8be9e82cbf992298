// The knowledge base and search index saved at build time: the same answers as building them at
// start-up, and used only by the build that wrote them, for the data they were made from.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { defaultDataDir, KnowledgeBaseError } from '../src/core/knowledge/load.js';
import { loadKnowledgeBaseFast, writePrebuilt } from '../src/core/prebuilt.js';
import { createRouter } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';
import { loadQuestions } from '../scripts/evaluate.js';
import { kb, recordingLogger, shellText } from './helpers.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'prebuilt-'));

describe('the prebuilt knowledge base and index', () => {
  it('answer every evaluation question exactly as the ones built at start-up', async () => {
    const dir = scratch();
    writePrebuilt(defaultDataDir(), dir, 'build-a');
    const restored = loadKnowledgeBaseFast(defaultDataDir(), dir, 'build-a');
    const ask = (knowledge: typeof kb) => {
      const router = createRouter({ commands, kb: knowledge, store: memoryStore(), logger: recordingLogger(), cacheSize: 0 });
      return Promise.all(loadQuestions().map((q) => router.handle({ ...shellText(`/ask ${q.question}`) })));
    };
    const [fresh, saved] = await Promise.all([ask(kb), ask(restored)]);
    expect(saved).toEqual(fresh);
    expect(fresh.length).toBeGreaterThan(100);
  });

  it('are used only by the build that wrote them, for the data they were made from', () => {
    const data = scratch();
    cpSync(defaultDataDir(), data, { recursive: true });
    const dir = scratch();
    writePrebuilt(data, dir, 'build-a');
    // Mark the saved copy, to tell which one a load used.
    const saved = join(dir, 'knowledge.json');
    writeFileSync(saved, readFileSync(saved, 'utf8').replace('"name":"NVIDIA"', '"name":"NVIDIA (saved)"'));
    expect(loadKnowledgeBaseFast(data, dir, 'build-a').company('nvidia')?.name).toBe('NVIDIA (saved)');
    expect(loadKnowledgeBaseFast(data, dir, 'build-b').company('nvidia')?.name).toBe('NVIDIA');
    expect(loadKnowledgeBaseFast(data, dir, undefined).company('nvidia')?.name).toBe('NVIDIA');
    // Data edited since the build: read and validated again, so a broken file is still caught.
    writeFileSync(join(data, 'companies.json'), '[{"id": "broken"}]');
    expect(() => loadKnowledgeBaseFast(data, dir, 'build-a')).toThrow(KnowledgeBaseError);
  });
});
