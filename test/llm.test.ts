// The optional language model for /ask, against an intercepted OpenAI-compatible endpoint: it may
// word the answer, but a timeout, an error, a refusal, a missing citation or an invented number
// all fall back to the retrieval answer.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { createLlmAnswerWriter } from '../src/core/search/llm-writer.js';
import { memoryStore } from '../src/store/memory-store.js';
import { createRouter } from '../src/router/router.js';
import { kb, recordingLogger, shellText } from './helpers.js';

const BASE = 'http://llm.test/v1';
const QUESTION = 'what share of revenue do AI apps spend on inference?';
const RETRIEVAL_LEAD = 'Share of app revenue spent on inference and fine-tuning: ~20-40% of revenue.';

function routerWith(timeoutMs = 500) {
  const warnings: object[] = [];
  const answerWriter = createLlmAnswerWriter({
    baseUrl: BASE,
    model: 'test-model',
    apiKey: 'sk-test',
    timeoutMs,
    logger: { warn: (obj) => warnings.push(obj) },
  });
  return { warnings, router: createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger(), answerWriter }) };
}

const completion = (content: string) => ({
  id: 'x',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content } }],
});

afterEach(() => nock.cleanAll());

describe('/ask with a language model', () => {
  it('uses a cited answer that states only the facts’ numbers, and sends only retrieved facts', async () => {
    let sent: any;
    const scope = nock('http://llm.test')
      .post('/v1/chat/completions', (body) => {
        sent = body;
        return true;
      })
      .matchHeader('authorization', 'Bearer sk-test')
      .reply(200, completion('AI apps spend roughly 20-40% of revenue on inference and fine-tuning (§6).'));
    const { router } = routerWith();
    const r = await router.handle(shellText(`/ask ${QUESTION}`));
    expect(scope.isDone()).toBe(true);
    expect(r.body[0]).toBe('AI apps spend roughly 20-40% of revenue on inference and fine-tuning (§6).');
    expect(r.sources[0]).toMatchObject({ section: 'infra', vintage: 'Jan 2023' });
    expect(sent.model).toBe('test-model');
    expect(sent.messages[0].content).toMatch(/ONLY the numbered facts/);
    expect(sent.messages[0].content).toMatch(/NOT_COVERED/);
    expect(sent.messages[1].content).toMatch(/\[1\] \(§6, estimate\) Share of app revenue spent on inference/);
    expect(sent.messages[1].content).toMatch(/Question: what share of revenue/);
  });

  it('falls back to retrieval when the model is too slow', async () => {
    nock('http://llm.test').post('/v1/chat/completions').delay(2000).reply(200, completion('Too late (§6).'));
    const { router, warnings } = routerWith(100);
    const r = await router.handle(shellText(`/ask ${QUESTION}`));
    expect(r.body[0]).toBe(RETRIEVAL_LEAD);
    expect(warnings).toHaveLength(1);
  });

  it('falls back on an HTTP error', async () => {
    nock('http://llm.test').post('/v1/chat/completions').reply(500, { error: 'overloaded' });
    const { router, warnings } = routerWith();
    expect((await router.handle(shellText(`/ask ${QUESTION}`))).body[0]).toBe(RETRIEVAL_LEAD);
    expect(JSON.stringify(warnings[0])).toMatch(/HTTP 500/);
  });

  it('falls back when the answer cites nothing, cites a section it was not given, or invents a number', async () => {
    for (const content of [
      'AI apps spend roughly 20-40% of revenue on inference.',
      'AI apps spend roughly 20-40% of revenue on inference (§3).',
      'AI apps spend roughly 35-55% of revenue on inference (§6).',
      'NOT_COVERED',
      '',
    ]) {
      nock('http://llm.test').post('/v1/chat/completions').reply(200, completion(content));
      const { router } = routerWith();
      expect((await router.handle(shellText(`/ask ${QUESTION}`))).body[0], content).toBe(RETRIEVAL_LEAD);
    }
  });

  it('falls back on a malformed response', async () => {
    nock('http://llm.test').post('/v1/chat/completions').reply(200, 'not json');
    const { router } = routerWith();
    expect((await router.handle(shellText(`/ask ${QUESTION}`))).body[0]).toBe(RETRIEVAL_LEAD);
  });

  it('is not asked at all when the knowledge base does not cover the question', async () => {
    const scope = nock('http://llm.test').post('/v1/chat/completions').reply(200, completion('Mistral raised $1B (§5).'));
    const { router } = routerWith();
    const r = await router.handle(shellText('/ask how much has Mistral raised?'));
    expect(r.title).toBe('Not in the knowledge base');
    expect(scope.isDone()).toBe(false);
  });
});
