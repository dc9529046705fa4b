/**
 * Output of `layerlab simulate`: a `docker history`-like table with a bar per layer, totals, dive's
 * wasted space and efficiency, and the unknowns with their assumed ranges (text), or the JSON
 * contract documented in the README ("Simulating layer sizes").
 */
import { formatBytes } from '../../core/simulate/bytes.ts';
import type { Bytes, LayerEstimate, SimulationResult, SourceRef, StageResult, Unknown } from '../../core/simulate/types.ts';
import type { Colors } from '../colors.ts';

export interface SimulateReport {
  file: string;
  result: SimulationResult;
  version: string;
  context: { dir: string; files: number; bytes: number; ignored: number; capped: boolean; dockerignore: string | null } | null;
}

// ---------------------------------------------------------------------------------------------
// JSON

function jsonSource(source: SourceRef | null): { source: string | null; sourceUrl: string | null; sourceDate: string | null } {
  return { source: source?.text ?? null, sourceUrl: source?.url ?? null, sourceDate: source?.date ?? null };
}

function jsonUnknown(u: Unknown) {
  return { line: u.line, command: u.command, reason: u.reason, bytes: u.assumed.value, low: u.assumed.low, high: u.assumed.high, assumedWhy: u.assumedWhy };
}

function jsonLayer(l: LayerEstimate) {
  return {
    line: l.instructionLine,
    endLine: l.endLine,
    stage: l.stage,
    instruction: l.instruction,
    kind: l.kind,
    bytes: l.bytes.value,
    low: l.bytes.low,
    high: l.bytes.high,
    compressed: { bytes: l.compressedBytes.value, low: l.compressedBytes.low, high: l.compressedBytes.high },
    wasted: l.wastedBytes,
    cache: l.cache,
    added: l.added.map((p) => ({ ...p })),
    removed: l.removed.map((p) => ({ ...p })),
    notes: [...l.notes],
    unknown: l.unknown ? jsonUnknown(l.unknown) : null,
    ...jsonSource(l.source),
  };
}

function range(b: Bytes) {
  return { bytes: b.value, low: b.low, high: b.high };
}

export function formatSimulateJson(report: SimulateReport): string {
  const r = report.result;
  const target = r.stages[r.target];
  const base = r.image.baseImage;
  const output = {
    version: 1,
    tool: { name: 'layerlab', version: report.version },
    file: report.file,
    target: target ? { index: target.index, name: target.name } : null,
    totalBytes: r.image.totalBytes.value,
    totalLow: r.image.totalBytes.low,
    totalHigh: r.image.totalBytes.high,
    compressed: range(r.image.compressedBytes),
    addedBytes: range(r.image.addedBytes),
    wastedBytes: r.image.wastedBytes,
    efficiency: r.image.efficiency,
    baseImage: base
      ? {
          name: base.name,
          entry: base.entry,
          bytes: base.bytes.value,
          low: base.bytes.low,
          high: base.bytes.high,
          compressedBytes: base.compressedBytes?.value ?? null,
          approximate: base.approximate,
          unknown: base.unknown,
          os: { ...base.os },
          ...jsonSource(base.source),
        }
      : null,
    layers: r.image.layers.map(jsonLayer),
    stages: r.stages.map((s) => ({
      index: s.index,
      name: s.name,
      role: s.role,
      baseImage: s.baseImage?.name ?? null,
      baseStage: s.baseStage,
      totalBytes: s.totalBytes.value,
      totalLow: s.totalBytes.low,
      totalHigh: s.totalBytes.high,
      layers: s.layers.map(jsonLayer),
    })),
    unknowns: r.unknowns.map(jsonUnknown),
    problems: r.problems.map((p) => ({ ...p })),
    context: report.context ? { ...report.context } : null,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Text

const BAR_WIDTH = 24;
const STEP_WIDTH = 48;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value / max` of the width, in eighths, then a light tail up to `high`. */
export function bar(value: number, high: number, max: number, width = BAR_WIDTH): string {
  if (max <= 0 || high <= 0) return '';
  const eighths = Math.round((Math.min(value, max) / max) * width * 8);
  let solid = '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '');
  if (solid === '' && value > 0) solid = '▏';
  const used = Math.ceil(eighths / 8) || (value > 0 ? 1 : 0);
  const tailCells = Math.min(width, Math.round((Math.min(high, max) / max) * width)) - used;
  return solid + (tailCells > 0 ? '░'.repeat(tailCells) : '');
}

function pad(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

function padStart(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : ' '.repeat(width - length) + text;
}

function shorten(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

function rangeText(b: Bytes): string {
  const low = formatBytes(b.low);
  const high = formatBytes(b.high);
  return low === high ? '' : `${low}–${high}`;
}

function stageLabel(s: StageResult): string {
  return s.name ? `stage ${s.index} "${s.name}"` : `stage ${s.index}`;
}

const ROLE_TEXT: Record<StageResult['role'], string> = {
  target: 'the image',
  'base-of-target': 'part of the image (the image is FROM it)',
  builder: 'builder: not in the image, only what is copied from it',
  unused: 'not built for this target',
};

export function formatSimulateText(report: SimulateReport, c: Colors): string {
  const r = report.result;
  const lines: string[] = [];
  const target = r.stages[r.target];
  if (!target) {
    lines.push(`${c.bold(report.file)}: no image (the Dockerfile has no FROM).`);
    for (const p of r.problems) lines.push(`  line ${p.line}  ${p.message}`);
    return `${lines.join('\n')}\n`;
  }
  const multi = r.stages.length > 1;
  lines.push(`${c.bold(report.file)}${multi ? ` — image of ${stageLabel(target)}${r.target === r.stages.length - 1 ? ' (the last stage)' : ' (--target)'}` : ''}`);
  lines.push('');
  const inImage = new Set(r.image.layers);
  const max = Math.max(1, ...r.image.layers.map((l) => l.bytes.value));
  lines.push(c.dim(`  ${padStart('LINE', 4)}  ${pad('STEP', STEP_WIDTH)}  ${padStart('SIZE', 9)}  ${pad('', BAR_WIDTH)}  RANGE`));
  for (const stage of r.stages) {
    const shipped = stage.role === 'target' || stage.role === 'base-of-target';
    if (multi) lines.push((shipped ? c.bold : c.dim)(`  ${stageLabel(stage)}: ${ROLE_TEXT[stage.role]}`));
    for (const l of stage.layers) {
      const size = l.kind === 'metadata' ? '0 B' : formatBytes(l.bytes.value);
      const spread = rangeText(l.bytes);
      const mark = l.unknown ? ' ?' : '';
      const step = `${padStart(String(l.instructionLine), 4)}  ${pad(shorten(l.instruction, STEP_WIDTH), STEP_WIDTH)}  ${padStart(size, 9)}`;
      if (!inImage.has(l)) {
        lines.push(c.dim(`  ${step}  ${pad('', BAR_WIDTH)}  ${spread}${mark}`.trimEnd()));
        continue;
      }
      const b = l.kind === 'metadata' ? '' : bar(l.bytes.value, l.bytes.high, max);
      const row = `  ${step}  ${pad(b, BAR_WIDTH)}  ${spread}${mark}`.trimEnd();
      lines.push(l.kind === 'metadata' ? c.dim(row) : l.unknown ? c.yellow(row) : row);
    }
  }
  lines.push('');
  const img = r.image;
  const total = rangeText(img.totalBytes);
  const compressed = rangeText(img.compressedBytes);
  const label = (s: string) => pad(s, 12);
  lines.push(`${label('Total')}${c.bold(formatBytes(img.totalBytes.value))}${total ? `  (${total})` : ''}`);
  lines.push(`${label('Compressed')}~${formatBytes(img.compressedBytes.value)}${compressed ? `  (${compressed})` : ''}, estimated gzip size as a registry stores it`);
  lines.push(`${label('Your layers')}${formatBytes(img.addedBytes.value)} on top of the base image`);
  lines.push(`${label('Wasted')}${formatBytes(img.wastedBytes)}  (dive's "potential wasted space": every copy of a path stored in more than one layer)`);
  lines.push(`${label('Efficiency')}${Math.floor(img.efficiency * 100)} %  (dive's "image efficiency score")`);

  const base = img.baseImage;
  if (base) {
    lines.push('');
    if (base.unknown) lines.push(`Base image ${c.bold(base.name)}: ${c.yellow('unknown size')} (see below)`);
    else {
      const src = base.source ? `${base.source.text}${base.source.date ? `, ${base.source.date}` : ''}` : '';
      lines.push(`Base image ${c.bold(base.name)}: ${formatBytes(base.bytes.value)}${rangeText(base.bytes) ? ` (${rangeText(base.bytes)})` : ''}${base.entry && base.entry !== base.name ? ` as ${base.entry}` : ''}`);
      if (src) lines.push(`  source: ${src}`);
    }
    const baseLayer = img.layers.find((l) => l.kind === 'base' && l.stage === r.image.layers[0]?.stage);
    for (const n of baseLayer?.notes ?? []) lines.push(`  ${n}`);
  }

  if (r.unknowns.length > 0) {
    lines.push('');
    lines.push(c.yellow(`Unknown (${r.unknowns.length}; totals count ${r.unknowns.length === 1 ? 'it' : 'them'} at the low end of the range):`));
    for (const u of r.unknowns) {
      lines.push(`  line ${u.line}  ${u.command}`);
      lines.push(`    ${u.reason}`);
      lines.push(c.dim(`    assumed ${formatBytes(u.assumed.low)} – ${formatBytes(u.assumed.high)}: ${u.assumedWhy}`));
    }
  }

  const notes = r.image.layers.filter((l) => l.kind !== 'base' || l !== img.layers[0]).flatMap((l) => l.notes.map((n) => ({ line: l.instructionLine, n })));
  if (notes.length > 0) {
    lines.push('');
    lines.push('Notes:');
    for (const { line, n } of notes) lines.push(`  line ${line}  ${n}`);
  }

  if (r.problems.length > 0) {
    lines.push('');
    lines.push(c.red('Problems (docker build would not get this far):'));
    for (const p of r.problems) lines.push(`  line ${p.line}  ${p.message}`);
  }

  lines.push('');
  if (report.context) {
    const ctx = report.context;
    const cap = ctx.capped ? `; stopped after ${ctx.files} files, so COPY sizes may be incomplete` : '';
    const ignored = ctx.ignored > 0 ? `, ${ctx.ignored} left out by ${ctx.dockerignore ?? '.dockerignore'}` : '';
    lines.push(c.dim(`Build context ${ctx.dir}: ${ctx.files} files, ${formatBytes(ctx.bytes)}${ignored}${cap}.`));
  } else lines.push(c.dim('No build context: COPY/ADD of local files are unknown. Pass --context DIR.'));
  lines.push(c.dim('Sizes are uncompressed (as `docker images` shows them), linux/amd64, 1 MB = 1,000,000 bytes.'));
  return `${lines.join('\n')}\n`;
}
