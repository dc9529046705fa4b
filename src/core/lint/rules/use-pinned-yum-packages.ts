import { defineRule } from '../define-rule.ts';
import { runs } from '../helpers.ts';
import { hadolintCommands, ownArgsView, wrappedNameMessage, wrapperOf } from '../hadolint/index.ts';
import { knownVarsAtRuns, rpmInstallArgs, rpmModuleIsPinned, rpmPackageIsPinned } from '../package-managers/rpm.ts';

export const usePinnedYumPackages = defineRule({
  id: 'use-pinned-yum-packages',
  title: 'Pin the versions of packages installed with yum',
  category: 'maintainability',
  severity: 'warning',
  equivalents: ['hadolint:DL3033'],
  lesson: null,
  why:
    '`yum install httpd` installs whatever the repositories hold on the day of the build, so rebuilding the same Dockerfile can give a different image. Name the version, `httpd-2.4.57`, and a stream for modules, `nodejs:20`. A version in a variable (`git-${GIT_VERSION}`) counts when the ARG or ENV is declared before the RUN; `.rpm` files are not flagged.',
  messages: {
    package: (name: string) => `\`${name}\` has no version, so each build installs whatever is newest. Pin it as \`${name}-<version>\`, e.g. \`yum install -y ${name}-1.2.3\`.`,
    module: (name: string) => `The module \`${name}\` has no stream, so the default can change under you. Name one, e.g. \`yum module install -y ${name}:<stream>\`.`,
    wrapped: (wrapper: string, tool: string, word: string, module: boolean) => wrappedNameMessage('DL3033', wrapper, tool, [word], module ? 'module' : 'package', module ? 'a stream' : 'a version'),
  },
  examples: {
    invalid: [
      'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all',
      'FROM rockylinux:9\nRUN yum install -y rpm-sign && yum clean all',
      'FROM rockylinux:9\nRUN yum module install -y nodejs && yum clean all',
      'FROM rockylinux:9 AS base\nENV GIT_VERSION=2.43.5\nFROM rockylinux:9\nRUN yum install -y git-${GIT_VERSION} && yum clean all',
    ],
    valid: [
      'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 gcc-c++-11.4.1 openssl-1:3.0.7 && yum clean all',
      'FROM rockylinux:9\nRUN yum module install -y nodejs:20 && yum clean all',
      'FROM rockylinux:9\nARG GIT_VERSION=2.43.5\nRUN yum install -y git-$GIT_VERSION && yum clean all',
      'FROM rockylinux:9 AS base\nENV GIT_VERSION=2.43.5\nFROM base\nRUN yum install -y git-${GIT_VERSION} && yum clean all',
      'FROM rockylinux:9\nRUN yum localinstall -y /tmp/app-1.0-1.x86_64.rpm && yum clean all',
    ],
  },
  check({ dockerfile, report }, messages) {
    const known = knownVarsAtRuns(dockerfile);
    for (const run of runs(dockerfile)) {
      // The known names are listed only when a package refers to a variable.
      const vars = () => known(run);
      for (const c of hadolintCommands(dockerfile, run)) {
        const { packages, modules } = rpmInstallArgs(c, 'yum');
        const pkg = packages.find((p) => !rpmPackageIsPinned(p, vars));
        const mod = modules.find((m) => !rpmModuleIsPinned(m));
        if (pkg === undefined && mod === undefined) continue;
        // `exec yum install x`: hadolint also counts `yum` itself; the message names what follows it.
        const own = rpmInstallArgs(ownArgsView(c), 'yum');
        const ownPkg = pkg === undefined ? undefined : own.packages.find((p) => !rpmPackageIsPinned(p, vars));
        const ownMod = mod === undefined ? undefined : own.modules.find((m) => !rpmModuleIsPinned(m));
        const wrapper = wrapperOf(c);
        report({
          instruction: run,
          span: c.cmd.span,
          message:
            ownPkg !== undefined
              ? messages.package(ownPkg)
              : ownMod !== undefined
                ? messages.module(ownMod)
                : wrapper
                  ? messages.wrapped(wrapper, c.name, (pkg ?? mod) as string, pkg === undefined)
                  : pkg !== undefined
                    ? messages.package(pkg)
                    : messages.module(mod as string),
        });
        break;
      }
    }
  },
});
