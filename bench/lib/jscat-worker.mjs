// Worker thread: runs simulees through jsCAT 5.2.3 (EAP with a N(0, 1) prior, MFI selection) on a
// seeded one-domain 2PL bank and returns each simulee's items, answers and estimates at checkpoints.
// Used by bench/engine.mjs for the accuracy comparison (jsCAT is slow: ~150 ms per 30-item test).
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { createRandom, probability } from '../../packages/core/dist/index.js';
import { oneDomainBank } from './content.mjs';

const require = createRequire(import.meta.url);
const { Cat } = require('@bdelab/jscat');

const { bankSize, bankSeed, simulees, maxItems, checkpoints } = workerData;
const { params } = oneDomainBank(bankSize, bankSeed);
const stimuli = params.map((p, i) => ({ a: p.a, b: p.b, c: 0, d: 1, id: `q${i}` }));

const out = [];
for (const { truth, seed } of simulees) {
  const random = createRandom(seed);
  const cat = new Cat({ method: 'EAP', itemSelect: 'MFI', nStartItems: 0, theta: 0, minTheta: -6, maxTheta: 6, priorDist: 'norm', priorPar: [0, 1], randomSeed: `s${seed}` });
  let remaining = stimuli;
  const responses = [];
  const at = {};
  for (let k = 1; k <= maxItems; k++) {
    // deepCopy = false: same selection, it only skips lodash's cloneDeep of the bank (saves time here;
    // the timing benchmark uses the default deepCopy = true).
    const { nextStimulus, remainingStimuli } = cat.findNextItem(remaining, 'MFI', false);
    remaining = remainingStimuli;
    const item = { a: nextStimulus.discrimination, b: nextStimulus.difficulty };
    const correct = random() < probability(truth, item);
    cat.updateAbilityEstimate(nextStimulus, correct ? 1 : 0);
    responses.push({ item, correct });
    if (checkpoints.includes(k)) at[k] = { theta: cat.theta, se: cat.seMeasurement };
  }
  out.push({ responses, at });
}
parentPort.postMessage(out);
