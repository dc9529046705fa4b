/**
 * Instructions that change only the image configuration: 0 B and no layer (size-data.md §2).
 * ARG/ENV values and WORKDIR are remembered, because later paths depend on them.
 */
import type { Instruction, ParsedDockerfile } from '../../parse/model.ts';
import { expandVars } from '../../parse/vars.ts';
import { resolvePath, type StageState } from './step.ts';

export const METADATA_KEYWORDS: ReadonlySet<string> = new Set([
  'ENV', 'ARG', 'LABEL', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'USER', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'ONBUILD', 'MAINTAINER', 'VOLUME', 'WORKDIR',
]);

/** Applies a metadata instruction to the stage; returns notes for the output. */
export function applyMetadata(instruction: Instruction, stage: StageState, parsed: ParsedDockerfile): string[] {
  const notes: string[] = [];
  switch (instruction.keyword) {
    case 'ARG':
    case 'ENV': {
      const stageDefs = parsed.stages[stage.index]?.vars ?? [];
      for (const d of stageDefs) if (d.line === instruction.span.line && d.kind === instruction.keyword) stage.vars.push(d);
      break;
    }
    case 'WORKDIR': {
      const raw = instruction.args.map((a) => a.value).join(' ');
      const expanded = raw.includes('$') ? expandVars(raw, stage.vars, parsed.escapeChar).value : raw;
      if (expanded === null || expanded === '') notes.push('the directory uses a variable without a known value; later relative paths may be placed wrongly');
      else stage.workdir = resolvePath(stage.workdir, expanded);
      break;
    }
    case 'ONBUILD':
      notes.push('runs only when another build uses this image as its base');
      break;
    default:
      break;
  }
  return notes;
}
