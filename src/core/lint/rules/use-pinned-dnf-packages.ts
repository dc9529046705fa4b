import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { hadolintCommands, ownArgsView, wrappedNameMessage, wrapperOf } from '../hadolint/index.ts';
import { knownVarsAtRuns, rpmInstallArgs, rpmModuleIsPinned, rpmPackageIsPinned } from '../package-managers/rpm.ts';

export const usePinnedDnfPackages = defineRule({
  id: 'use-pinned-dnf-packages',
  title: 'Pin the versions of packages installed with dnf or microdnf',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3041'],
  lesson: null,
  why:
    '`dnf install httpd` installs whatever the repositories hold on the day of the build, so rebuilding the same Dockerfile can give a different image. Name the version (`httpd-2.4.62`, with an epoch if needed: `openssl-1:3.2.2`) and a stream for modules (`nodejs:20`). A version in a variable counts when the ARG or ENV is declared before the RUN; `.rpm` files are not flagged.',
  messages: {
    package: (tool: string, name: string) => `\`${name}\` has no version, so each build installs whatever is newest. Pin it as \`${name}-<version>\`, e.g. \`${tool} install -y ${name}-1.2.3\`.`,
    module: (tool: string, name: string) => `The module \`${name}\` has no stream, so the default can change under you. Name one, e.g. \`${tool} module install -y ${name}:<stream>\`.`,
    wrapped: (wrapper: string, tool: string, word: string, module: boolean) => wrappedNameMessage('DL3041', wrapper, tool, [word], module ? 'module' : 'package', module ? 'a stream' : 'a version'),
  },
  examples: {
    invalid: [
      'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
      'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils && microdnf clean all',
      'FROM fedora:40\nRUN dnf module install -y nodejs && dnf clean all',
    ],
    valid: [
      'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 rpm-sign-4.19.1 openssl-1:3.2.2 && dnf clean all',
      'FROM fedora:40\nRUN dnf module install -y nodejs:20 && dnf clean all',
      'FROM fedora:40\nARG GIT_VERSION=2.46.0\nRUN dnf install -y git-core-${GIT_VERSION} && dnf clean all',
      'FROM fedora:40\nRUN dnf group install -y "Development Tools" && dnf clean all',
    ],
  },
  check({ dockerfile, report }, messages) {
    const known = knownVarsAtRuns(dockerfile);
    for (const run of runs(dockerfile)) {
      // The known names are listed only when a package refers to a variable.
      const vars = () => known(run);
      for (const c of hadolintCommands(dockerfile, run)) {
        const { packages, modules } = rpmInstallArgs(c, 'dnf');
        const pkg = packages.find((p) => !rpmPackageIsPinned(p, vars));
        const mod = modules.find((m) => !rpmModuleIsPinned(m));
        if (pkg === undefined && mod === undefined) continue;
        // `exec dnf install x`: hadolint also counts `dnf` itself; the message names what follows it.
        const own = rpmInstallArgs(ownArgsView(c), 'dnf');
        const ownPkg = pkg === undefined ? undefined : own.packages.find((p) => !rpmPackageIsPinned(p, vars));
        const ownMod = mod === undefined ? undefined : own.modules.find((m) => !rpmModuleIsPinned(m));
        const wrapper = wrapperOf(c);
        report({
          instruction: run,
          span: c.cmd.span,
          message:
            ownPkg !== undefined
              ? messages.package(c.name, ownPkg)
              : ownMod !== undefined
                ? messages.module(c.name, ownMod)
                : wrapper
                  ? messages.wrapped(wrapper, c.name, (pkg ?? mod) as string, pkg === undefined)
                  : pkg !== undefined
                    ? messages.package(c.name, pkg)
                    : messages.module(c.name, mod as string),
        });
        break;
      }
    }
  },
});
