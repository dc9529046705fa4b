/**
 * Commands that hadolint names by an argument (`exec x`, `command x`, `busybox x`): findings fire as hadolint
 * reads them, and messages quote the command's own arguments, not the wrapper or the name word.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import type { Rule } from '../define-rule.ts';
import { preferAptGet } from '../rules/prefer-apt-get.ts';
import { usePinnedAptPackages } from '../rules/use-pinned-apt-packages.ts';
import { usePinnedDnfPackages } from '../rules/use-pinned-dnf-packages.ts';
import { usePinnedGemVersions } from '../rules/use-pinned-gem-versions.ts';
import { usePinnedGoModules } from '../rules/use-pinned-go-modules.ts';
import { usePinnedYumPackages } from '../rules/use-pinned-yum-packages.ts';
import { usePinnedZypperPackages } from '../rules/use-pinned-zypper-packages.ts';
import { useWorkdirNotCd } from '../rules/use-workdir-not-cd.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});

const messages = (rule: Rule, run: string) => linter.lint(`FROM debian:bookworm-slim\nWORKDIR /srv\nRUN ${run}`, { rules: [rule] }).diagnostics.map((d) => d.message);

describe('messages of wrapped commands', () => {
  test('use-workdir-not-cd names the directory after `cd`', () => {
    const [m] = messages(useWorkdirNotCd, 'exec cd /app && make');
    expect(m).toMatch(/^`cd \/app` only lasts/);
    expect(m).toContain('`WORKDIR /app`');
    expect(messages(useWorkdirNotCd, 'command cd build && make')[0]).toContain('`WORKDIR /srv/build`');
  });

  test('prefer-apt-get names the subcommand after `apt`', () => {
    expect(messages(preferAptGet, 'exec apt install -y curl')[0]).toMatch(/^`apt install` uses the interactive front end.*`apt-get install`/);
  });

  test('pinning rules list the packages after the command name, not the name or the wrapper options', () => {
    expect(messages(usePinnedAptPackages, 'exec -a x apt-get install -y curl git=1:2.39.5-0+deb12u2 make')[0]).toMatch(/^`curl`, `make` are installed/);
    expect(messages(usePinnedGemVersions, 'busybox gem install bundler')[0]).toMatch(/^`bundler` is installed/);
    expect(messages(usePinnedGoModules, 'exec go install golang.org/x/tools/gopls')[0]).toMatch(/^`golang.org\/x\/tools\/gopls` is not pinned/);
    expect(messages(usePinnedZypperPackages, 'exec zypper install -y curl')[0]).toMatch(/^`curl` has no version/);
    expect(messages(usePinnedDnfPackages, 'exec dnf install -y httpd')[0]).toMatch(/^`httpd` has no version/);
    expect(messages(usePinnedYumPackages, 'exec yum module install -y nodejs')[0]).toMatch(/^The module `nodejs` has no stream/);
  });

  test('when only the name word counts (hadolint still reports it), the message says why', () => {
    const [apt] = messages(usePinnedAptPackages, 'exec apt-get install -y curl=7.88.1-10+deb12u8');
    expect(apt).toMatch(/^hadolint \(DL3008\) reads `exec apt-get …` as `apt-get` but keeps `apt-get` among its arguments/);
    expect(messages(usePinnedYumPackages, 'exec yum module install -y nodejs:20')[0]).toMatch(/counts it as a module without a stream/);
  });
});
