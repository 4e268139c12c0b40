// The corpus of bad inputs typed into unit tabs (cases/values.ts: bad figures; cases/structure.ts:
// bad names, nominations and changes to a tab's structure), each checked for the four promises
// in corpus.ts, on one baseline workbook.
import { STRUCTURE_CASES } from './cases/structure';
import { VALUE_CASES } from './cases/values';
import { runCorpus } from './corpus';

runCorpus('corpus', [...VALUE_CASES, ...STRUCTURE_CASES]);
