// npm run eval: /ask accuracy per language over every set eval/sets.json lists (the tuning set, and
// the blind sets written from the essay alone, marked once they have been tuned on; eval/README.md
// records when each was first scored), with every failure.
import { commands } from '../commands/index.js';
import { defaultKnowledgeBase } from '../src/core/knowledge/load.js';
import { createRouter } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';
import { accuracy, evaluate, evaluationSets, type EvalResult } from './evaluate.js';

const router = createRouter({
  commands,
  kb: defaultKnowledgeBase(),
  store: memoryStore(),
  logger: { error: (obj, msg) => console.error(msg, obj) },
});
const pct = (a: { passed: number; total: number; ratio: number }) => `${a.passed}/${a.total} (${(a.ratio * 100).toFixed(1)}%)`;

function report(name: string, results: EvalResult[]): void {
  console.log(`${name}: ${results.length} questions`);
  console.log(`  English  ${pct(accuracy(results, 'en'))}`);
  console.log(`  Chinese  ${pct(accuracy(results, 'zh'))}`);
  console.log(`  overall  ${pct(accuracy(results))}`);
  const failures = results.filter((r) => !r.passed);
  if (failures.length) console.log(`  failures (${failures.length}):`);
  for (const f of failures) {
    console.log(`  - ${f.question.id} [${f.question.topic}] ${f.question.question}`);
    console.log(`      expected: ${JSON.stringify(f.question.expect)}`);
    console.log(`      answered: ${f.answer.slice(0, 200)}`);
  }
  console.log('');
}

for (const set of evaluationSets()) {
  report(`${set.file} (${set.role})`, await evaluate(router, set.questions));
}
