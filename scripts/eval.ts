// npm run eval: /ask accuracy per language over eval/questions.json, and every failure.
import { commands } from '../commands/index.js';
import { defaultKnowledgeBase } from '../src/core/knowledge/load.js';
import { createRouter } from '../src/router/router.js';
import { accuracy, evaluate, loadQuestions } from './evaluate.js';

const router = createRouter({ commands, kb: defaultKnowledgeBase(), logger: { error: (obj, msg) => console.error(msg, obj) } });
const results = await evaluate(router, loadQuestions());
const pct = (a: { passed: number; total: number; ratio: number }) => `${a.passed}/${a.total} (${(a.ratio * 100).toFixed(1)}%)`;
console.log(`/ask evaluation: ${results.length} questions`);
console.log(`  English  ${pct(accuracy(results, 'en'))}`);
console.log(`  Chinese  ${pct(accuracy(results, 'zh'))}`);
console.log(`  overall  ${pct(accuracy(results))}`);
const failures = results.filter((r) => !r.passed);
if (failures.length) {
  console.log(`\nFailures (${failures.length}):`);
  for (const f of failures) {
    console.log(`- ${f.question.id} [${f.question.topic}] ${f.question.question}`);
    console.log(`    expected: ${JSON.stringify(f.question.expect)}`);
    console.log(`    answered: ${f.answer.slice(0, 200)}`);
  }
}
