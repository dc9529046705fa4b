/**
 * `apt-get install` and `apt-get purge/remove/autoremove` sized from the Debian package index
 * (src/core/simulate/debian/, data/debian/<release>.json.gz): apt's own choice of packages against
 * the packages already installed, then size-data.md §6 rule 3 for the bytes:
 *   layer ≈ 0.975 × ΣInstalled-Size + 1–3 MB of dpkg/apt state, + Python byte-code when
 *   libpython3.X-stdlib is new; on -slim images minus the docs, man pages and locales dpkg skips.
 * Calibrated on buildpack-deps (calibration-cases A1–A3): the range holds all three layers.
 */
import { hasFlag } from '../../shell/query.ts';
import type { ShellCommand, ShellWord } from '../../shell/types.ts';
import type { OsPackageCommand } from '../../lint/package-managers/os.ts';
import { resolveAptInstall, resolveAptPurge, requestedPackageName } from '../debian/index.ts';
import { formatBytes } from '../bytes.ts';
import { UNKNOWN_COMMAND, UNKNOWN_COMMAND_WHY } from '../facts.ts';
import type { Bytes, SourceRef } from '../types.ts';
import { APT_LISTS_DIR, unknownAptInstall, type AptInstallEstimator } from './run-apt.ts';
import { commandText, type StepContext } from './step.ts';

/** Regular-file bytes per Installed-Size byte: 0.964–0.984 measured on 114 real .debs (size-data.md §4a). */
const FILE_RATIO = { value: 0.975, low: 0.964, high: 1.0 };
/** dpkg/apt state rewritten by every install step (status, info/*, logs, extended_states). */
export const DPKG_CHURN: Bytes = { value: 2_000_000, low: 1_000_000, high: 3_000_000 };
/** Byte-code py3compile writes when a Python interpreter arrives (buildpack-deps scm layer: +21 MB). */
export const PYTHON_BYTECODE: Bytes = { value: 20_000_000, low: 15_000_000, high: 25_000_000 };
/** Share of file bytes -slim images leave out (docs, man pages, locales): 5.4–31.7 % by package set. */
const SLIM_SHARE = { value: 0.11, low: 0.054, high: 0.317 };

export const APT_SIZE_SOURCE: SourceRef = {
  text: 'Debian package index (Installed-Size) resolved as apt does; layer ≈ 0.975 × Installed-Size + 1–3 MB, calibrated on buildpack-deps (Layerlab research size-data.md §4a, §6)',
  url: null,
  date: null,
};

export const PACKAGE_PREFIX = '(apt package) ';

/** Package names of an install/remove command; null entries are words whose value is unknown. */
function packageNames(ctx: StepContext, words: readonly ShellWord[]): { names: string[]; unknown: string[]; files: string[] } {
  const names: string[] = [];
  const unknown: string[] = [];
  const files: string[] = [];
  for (const w of words) {
    const value = w.dynamic ? ctx.expand(w.value) : w.value;
    if (value === null) {
      unknown.push(w.value);
      continue;
    }
    for (const part of value.split(/\s+/)) {
      if (part === '' || part.startsWith('-')) continue;
      if (part.includes('/') && (part.endsWith('.deb') || part.startsWith('.') || part.startsWith('/'))) files.push(part);
      else names.push(part);
    }
  }
  return { names, unknown, files };
}

/** `-o Name=false` / `--option=Name=0`: is the apt option switched off on the command line? */
function optionOff(cmd: ShellCommand, name: string): boolean {
  const args = cmd.args.map((a) => a.value);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = a === '-o' || a === '--option' ? args[i + 1] : a.startsWith('--option=') ? a.slice(9) : a.startsWith('-o') && a.length > 2 ? a.slice(2) : undefined;
    if (value === undefined) continue;
    const [key, v] = value.split('=');
    if (key?.toLowerCase() === name.toLowerCase() && /^(false|0|no)$/i.test(v ?? '')) return true;
  }
  return false;
}

function scaled(kib: number, slim: boolean, complete: boolean): Bytes {
  const bytes = kib * 1024;
  const keep = (s: number) => (slim ? 1 - s : 1);
  return {
    value: Math.round(bytes * FILE_RATIO.value * keep(SLIM_SHARE.value)),
    low: complete ? Math.round(bytes * FILE_RATIO.low * keep(SLIM_SHARE.high)) : 0,
    high: Math.round(bytes * FILE_RATIO.high * keep(SLIM_SHARE.low)),
  };
}

export const aptInstallFromIndex: AptInstallEstimator = (p, ctx, run) => {
  const apt = ctx.stage.apt;
  if (!apt) {
    const os = ctx.stage.os;
    if (os.family === 'debian' && ctx.stage.baseImage && !ctx.stage.baseImage.unknown && (os.release === 'bookworm' || os.release === 'trixie')) {
      unknownAptInstall(p, ctx, run);
    } else {
      const why =
        os.family === 'unknown'
          ? 'the base image is unknown, so neither its release nor its installed packages are known'
          : os.family === 'debian'
            ? `package data for Debian ${os.release ?? '(unknown release)'} or for this image's packages is not loaded`
            : `package data for ${os.family}${os.release ? ` ${os.release}` : ''} is not loaded (only Debian bookworm and trixie so far)`;
      ctx.unknown({ command: commandText(p.cmd.name, p.cmd.args), reason: why, assumed: UNKNOWN_COMMAND, assumedWhy: UNKNOWN_COMMAND_WHY });
    }
    return;
  }
  const text = commandText(p.cmd.name, p.cmd.args);
  const { names, unknown: dynamicWords, files } = packageNames(ctx, p.packages);
  if (dynamicWords.length > 0 || files.length > 0) {
    ctx.unknown({
      command: text,
      reason: [
        dynamicWords.length > 0 ? `the packages in ${dynamicWords.join(' ')} come from a variable without a known value` : '',
        files.length > 0 ? `local .deb files (${files.join(', ')}) are not modelled` : '',
      ]
        .filter(Boolean)
        .join('; '),
      assumed: UNKNOWN_COMMAND,
      assumedWhy: UNKNOWN_COMMAND_WHY,
    });
  }
  if (names.length === 0) return;
  const listsHere = ctx.writer.visible().some((e) => e.path === APT_LISTS_DIR) || ctx.mountFor(APT_LISTS_DIR) !== null;
  if (!listsHere && ctx.stage.baseImage?.entry?.startsWith('debian:')) {
    ctx.problem(`\`${text}\` runs before any \`apt-get update\`: the official Debian images ship without package lists, so apt cannot find ${names.slice(0, 3).join(', ')}. Run \`apt-get update &&\` first, in the same RUN`);
  }
  const installRecommends = !hasFlag(p.cmd, '--no-install-recommends') && !optionOff(p.cmd, 'APT::Install-Recommends');
  const result = resolveAptInstall(apt.index, names, { installed: apt.installed, installRecommends });
  // What --no-install-recommends would install instead (before `installed` changes below).
  const lean = installRecommends ? resolveAptInstall(apt.index, names, { installed: apt.installed, installRecommends: false }) : null;
  const slim = ctx.stage.os.slim;
  let total: Bytes = { value: 0, low: 0, high: 0 };
  for (const pkg of result.packages) {
    const bytes = scaled(pkg.installedSizeKiB, slim, apt.complete);
    ctx.addEntry({ path: `${PACKAGE_PREFIX}${pkg.name}`, kind: 'opaque', bytes, what: `package ${pkg.name} ${pkg.version}`, compress: 'packages' }, { summarize: false });
    total = { value: total.value + bytes.value, low: total.low + bytes.low, high: total.high + bytes.high };
    apt.installed.add(pkg.name);
    if (pkg.auto) apt.auto.add(pkg.name);
    else apt.auto.delete(pkg.name);
  }
  ctx.source = APT_SIZE_SOURCE;
  if (result.packages.length > 0) {
    if (!ctx.flags.has('dpkg-churn')) {
      ctx.flags.add('dpkg-churn');
      ctx.addEntry({ path: `(dpkg and apt state, line ${ctx.instruction.span.line})`, kind: 'opaque', bytes: { ...DPKG_CHURN }, what: 'dpkg and apt state files rewritten by the install', compress: 'packages' });
    }
    if (result.packages.some((x) => /^libpython3\.\d+-stdlib$/.test(x.name)) && !ctx.flags.has('pyc')) {
      ctx.flags.add('pyc');
      ctx.addEntry({ path: `(python byte-code, line ${ctx.instruction.span.line})`, kind: 'opaque', bytes: { ...PYTHON_BYTECODE }, what: 'Python byte-code written when the packages are configured', compress: 'packages' });
    }
    let note = `\`${text}\`: apt installs ${result.packages.length} package${result.packages.length === 1 ? '' : 's'} from Debian ${apt.release} (${formatBytes(result.installedSizeBytes)} Installed-Size${slim ? '; this -slim image leaves out their docs, man pages and locales' : ''})`;
    if (lean) {
      const saved = result.installedSizeBytes - lean.installedSizeBytes;
      const diff = result.packages.length - lean.packages.length;
      if (diff > 0) note += `; ${diff} of them only because apt installs recommended packages by default: \`--no-install-recommends\` saves about ${formatBytes(Math.max(0, saved))}`;
    }
    ctx.note(note);
  } else if (result.alreadyInstalled.length > 0 || names.every((n) => apt.installed.has(requestedPackageName(n)))) {
    ctx.note(`\`${text}\`: already installed in the image; apt adds nothing`);
  }
  if (!apt.complete && result.packages.length > 0) ctx.note(`the image's package list is only partly known (${apt.note ?? 'it has more packages than listed'}); some of these packages may be there already, so the low end of the range is 0`);
  for (const s of result.selected) ctx.note(`apt picks ${s.selected} for the virtual package ${s.requested}`);
  if (result.unknown.length > 0) {
    ctx.unknown({
      command: text,
      reason: `${result.unknown.map((u) => u.name).join(', ')}: not in Debian ${apt.release} main (${result.unknown[0]?.reason ?? ''}); from another repository, or apt fails with "Unable to locate package"`,
      assumed: UNKNOWN_COMMAND,
      assumedWhy: UNKNOWN_COMMAND_WHY,
    });
  }
  if (result.unsatisfied.length > 0) ctx.note(`apt would stop: ${result.unsatisfied.map((u) => `${u.package} needs ${u.relation}`).join('; ')}`);
};

/** After the whole RUN: one summary line for the packages still in the layer. */
export function aptPackagesSummary(ctx: StepContext): void {
  const packages = ctx.writer.entries().filter((e) => e.path.startsWith(PACKAGE_PREFIX));
  if (packages.length === 0) return;
  const names = packages.map((e) => e.path.slice(PACKAGE_PREFIX.length));
  const shown = names.slice(0, 6).join(', ') + (names.length > 6 ? `, … (${names.length - 6} more)` : '');
  ctx.added.push({ path: `(${packages.length} apt packages)`, bytes: packages.reduce((sum, e) => sum + e.bytes.value, 0), what: shown });
}

/** `apt-get purge/remove/autoremove`: packages this RUN installed go for real, older ones only get whiteouts. */
export function aptRemove(p: OsPackageCommand, ctx: StepContext): boolean {
  const apt = ctx.stage.apt;
  if (!apt) return false;
  const text = commandText(p.cmd.name, p.cmd.args);
  const { names, unknown } = packageNames(ctx, p.packages);
  if (unknown.length > 0) {
    ctx.note(`\`${text}\`: the packages in ${unknown.join(' ')} come from a variable without a known value; what is removed is not modelled`);
    return true;
  }
  const autoRemove = p.subcommand === 'autoremove' || p.subcommand === 'autopurge' || hasFlag(p.cmd, '--auto-remove', '--autoremove');
  const result = resolveAptPurge(apt.index, names, { installed: apt.installed, autoInstalled: apt.auto, autoRemove, recommendsImportant: !optionOff(p.cmd, 'APT::AutoRemove::RecommendsImportant') });
  let freed = 0;
  let hidden = 0;
  let fromBase = 0;
  for (const r of result.removed) {
    const { freed: f, hidden: h } = ctx.writer.removeEntry(`${PACKAGE_PREFIX}${r.name}`);
    freed += f.value;
    hidden += h.value;
    if (f.value === 0 && h.value === 0) fromBase++;
    apt.installed.delete(r.name);
    apt.auto.delete(r.name);
  }
  if (result.removed.length === 0) {
    ctx.note(`\`${text}\`: nothing to remove`);
    return true;
  }
  ctx.removed.push({ path: `(${result.removed.length} apt packages)`, bytes: freed + hidden, what: result.removed.slice(0, 6).map((r) => r.name).join(', ') + (result.removed.length > 6 ? ', …' : '') });
  const parts = [`\`${text}\` removes ${result.removed.length} package${result.removed.length === 1 ? '' : 's'}`];
  if (freed > 0) parts.push(`${formatBytes(freed)} installed earlier in this RUN never reaches the layer`);
  if (hidden > 0) parts.push(`${formatBytes(hidden)} installed by an earlier RUN stays in that layer (only hidden here)`);
  if (fromBase > 0) parts.push(`${fromBase} came with the base image and stay in it`);
  ctx.note(parts.join('; '));
  if (result.essential.length > 0) ctx.problem(`\`${text}\` would remove essential packages (${result.essential.join(', ')}); apt-get refuses without --allow-remove-essential`);
  return true;
}

/**
 * `apt-mark auto|manual NAMES`: the marks `purge --auto-remove` follows. `apt-mark auto '.*'` marks
 * everything; `apt-mark manual $saved` with an unknown value is read as the official images' idiom
 * (`savedAptMark="$(apt-mark showmanual)"` at the start of the RUN, restored after the build).
 */
export function estimateAptMark(cmd: ShellCommand, ctx: StepContext): void {
  const apt = ctx.stage.apt;
  if (!apt) return;
  const words = cmd.args.filter((a) => !a.value.startsWith('-'));
  const sub = words[0]?.value;
  const args = words.slice(1);
  if (sub === 'auto') {
    for (const w of args) {
      const value = w.dynamic ? ctx.expand(w.value) : w.value;
      if (value === null) continue;
      for (const name of markTargets(value, apt.installed)) apt.auto.add(name);
    }
  } else if (sub === 'manual') {
    for (const w of args) {
      const value = w.dynamic ? ctx.expand(w.value) : w.value;
      if (value === null) {
        for (const name of ctx.manualAtStart) if (apt.installed.has(name)) apt.auto.delete(name);
        continue;
      }
      for (const name of markTargets(value, apt.installed)) apt.auto.delete(name);
    }
  }
}

/** apt's rule: a name that is a package is taken literally; otherwise it is a regular expression. */
function markTargets(value: string, installed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const part of value.split(/\s+/)) {
    if (part === '') continue;
    const name = requestedPackageName(part);
    if (installed.has(name)) {
      out.push(name);
      continue;
    }
    let re: RegExp;
    try {
      re = new RegExp(part);
    } catch {
      continue;
    }
    for (const n of installed) if (re.test(n)) out.push(n);
  }
  return out;
}
