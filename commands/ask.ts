// /ask <question>: a free-text answer from the knowledge base: the direct answer first, then one or
// two supporting facts, then the source; "not covered" rather than a guess. With a language model
// configured, the model may word the answer, but only from the retrieved records (see answer-writer).
import { z } from 'zod';
import { defineCommand } from './command.js';

export const MAX_QUESTION_CHARS = 500;

export const askCommand = defineCommand({
  name: 'ask',
  localName: { zh: '提问' },
  description: {
    en: 'Ask in your own words; the answer comes from the knowledge base, with its source',
    zh: '用自己的话提问;答案来自知识库,并注明出处',
  },
  options: {
    question: {
      schema: z.string().trim().min(1).max(MAX_QUESTION_CHARS),
      positional: true,
      description: { en: 'Your question, in English or Chinese', zh: '你的问题,中英文皆可' },
    },
  },
  // Retrieval answers in a millisecond; a language model can take seconds.
  slow: ({ languageModel }) => languageModel,
  pure: ({ languageModel }) => !languageModel,
  examples: ['/ask what share of revenue do AI apps spend on inference?', '/ask is nvidia’s moat durable?', '/ask 云厂商拿走了多少收入?'],
  async run({ question }, { kb, lang, answerWriter }) {
    // Retrieval (its index, the Chinese word segmenter) loads with the first question, not with every command.
    const { answerQuestion } = await import('./ask-answer.js');
    return answerQuestion(kb, question, lang, answerWriter);
  },
});
