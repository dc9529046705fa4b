import { defineRule } from '../define-rule.ts';
import { finalStage, stageChain } from '../helpers.ts';

/** Warn from this many layers of our own; overlayfs stops at 127 layers including the base image's. */
const LIMIT = 100;
const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

const manyRuns = (n: number) => Array.from({ length: n }, (_, i) => `RUN echo "step ${i + 1}" >> /steps.log`).join('\n');

export const keepLayerCountLow = defineRule({
  id: 'keep-layer-count-low',
  title: 'Keep the number of layers in the final image well below the limit',
  category: 'size',
  severity: 'warning',
  equivalents: [],
  lesson: 'fewer-meaningful-layers',
  why:
    'Every RUN, COPY and ADD of the final stage, and of the stages it builds on with `FROM <stage>`, adds a filesystem layer. The overlay storage driver refuses images with more than about 127 layers, and that count includes the layers of the base image, which this check cannot see. Long before that, many small layers slow down pulls and make cleanup in later steps useless. Stages you only copy from do not count.',
  messages: {
    tooMany: (count: number) =>
      `The final image gets ${count} layers from RUN, COPY and ADD alone, close to the overlay limit of 127 layers, which also counts the base image's layers (unknown here). Join related RUN steps with \`&&\`, copy whole directories instead of single files, or move build-only steps into a separate stage and COPY --from it.`,
  },
  examples: {
    invalid: [`FROM debian:bookworm-slim\n${manyRuns(100)}`],
    valid: [
      `FROM debian:bookworm-slim\n${manyRuns(99)}`,
      `FROM debian:bookworm-slim AS build\n${manyRuns(100)}\nFROM debian:bookworm-slim\nCOPY --from=build /steps.log /steps.log`,
    ],
  },
  check({ dockerfile, report }, messages) {
    const last = finalStage(dockerfile);
    if (!last) return;
    const layers = stageChain(dockerfile, last)
      .reverse()
      .flatMap((stage) => stage.instructions.filter((i) => LAYER_KEYWORDS.has(i.keyword)));
    const at = layers[LIMIT - 1];
    if (at) report({ instruction: at, span: at.keywordSpan, message: messages.tooMany(layers.length) });
  },
});
