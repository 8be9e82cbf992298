// `node dist/app/write-prebuilt.js`: saves the validated knowledge base and the search index for
// the bundle built alongside (scripts/build.mjs runs it). See src/core/prebuilt.ts.
import { writePrebuilt } from './core/prebuilt.js';

writePrebuilt();
