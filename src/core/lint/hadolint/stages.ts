/**
 * How hadolint reads instructions and stages, for the rules with a hadolint equivalent: BuildKit cache
 * mounts that count as cleanup, and the "last stage or reused stage" selection of DL3009 and DL3060.
 */
import type { Instruction, ParsedDockerfile, Stage } from '../../parse/model.ts';
import { hasCacheMount } from '../helpers.ts';

/** `--mount=type=cache|tmpfs` whose target contains `fragment` (hadolint `hasCacheOrTmpfsMountWith`). */
export function hasCacheOrTmpfsMountWith(instruction: Instruction, fragment: string): boolean {
  return hasCacheMount(instruction, (target) => target.includes(fragment));
}

/**
 * The image name of a FROM as hadolint's parser (language-docker) keeps it: without a registry (the text
 * up to the first `/` after a `.`), tag and digest (from the first `:` or `@`); variables unresolved.
 */
export function hadolintImageName(raw: string): string {
  const dot = raw.indexOf('.');
  const slash = dot >= 0 ? raw.indexOf('/', dot) : -1;
  const name = slash >= 0 ? raw.slice(slash + 1) : raw;
  return name.split(/[:@]/)[0] ?? '';
}

function fromKey(stage: Stage): string {
  return [stage.platform ?? '', stage.image.raw, stage.nameRaw ?? ''].join('\u0000');
}

/**
 * hadolint's stage selection for DL3009 and DL3060: a RUN counts when its stage has the same FROM as the
 * last stage (identical FROM lines both count), or when the stage's alias is used as an image name by any
 * FROM (compared as written: no ARG substitution, case-sensitive). RUNs before the first FROM (index -1)
 * count when there is no FROM or the last one is a bare `FROM scratch`. ONBUILD triggers are not covered
 * here: hadolint checks them all.
 */
export function hadolintCheckedStages(df: ParsedDockerfile): Set<number> {
  const out = new Set<number>();
  const last = df.stages[df.stages.length - 1];
  if (!last) {
    out.add(-1);
    return out;
  }
  if (last.image.raw === 'scratch' && last.nameRaw === null && last.platform === null) out.add(-1);
  const names = new Set(df.stages.map((s) => hadolintImageName(s.image.raw)));
  const lastKey = fromKey(last);
  for (const s of df.stages) {
    if (fromKey(s) === lastKey || (s.nameRaw !== null && names.has(s.nameRaw))) out.add(s.index);
  }
  return out;
}
