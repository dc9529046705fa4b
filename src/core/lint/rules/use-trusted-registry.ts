import { defineRule } from '../define-rule.ts';
import { mountsOf } from '../helpers.ts';
import { copyFromFlag, rawImageFromText, rawImageParts } from '../image-syntax.ts';

/** One trusted-registry entry against a registry host: exact, `*`, `*suffix` or `prefix*`. */
export function registryMatches(entry: string, registry: string): boolean {
  if (entry === '*') return true;
  if (entry.startsWith('*')) return registry.endsWith(entry.slice(1));
  if (entry.endsWith('*')) return registry.startsWith(entry.slice(0, -1));
  return registry === entry;
}

export const useTrustedRegistry = defineRule({
  id: 'use-trusted-registry',
  title: 'Pull images only from trusted registries',
  category: 'security',
  severity: 'error',
  equivalents: ['hadolint:DL3026'],
  lesson: 'choosing-a-base-image',
  needsConfig: true,
  why:
    'Every image you build on, copy from or mount runs its content inside your build and often ends up in your image, so it should come from a registry your organisation trusts (a mirror, a vetted vendor). Set `trustedRegistries` in .layerlab.json to turn the rule on: entries are exact hosts, `*`, `*.example.com` or `prefix*`. Images without a registry come from Docker Hub and pass only when `docker.io` or `hub.docker.com` is trusted. Checked: FROM, `COPY --from=<image>` and `RUN --mount=type=bind|cache,from=<image>`; `scratch` and earlier stage names always pass.',
  messages: {
    from: (image: string, registry: string, trusted: string) =>
      `\`${image}\` is pulled from ${registry}, which is not in trustedRegistries (${trusted}). Use a copy of the image from a trusted registry, or add the registry to trustedRegistries in .layerlab.json if it is vetted.`,
    copy: (image: string, registry: string, trusted: string) =>
      `\`COPY --from=${image}\` pulls the image from ${registry}, which is not in trustedRegistries (${trusted}). Copy from a build stage or from an image in a trusted registry.`,
    mount: (image: string, registry: string, trusted: string) =>
      `This RUN mounts files from \`${image}\` (${registry}), which is not in trustedRegistries (${trusted}). Mount from a build stage or from an image in a trusted registry.`,
  },
  examples: {
    invalid: [
      { code: 'FROM quay.io/centos/centos:stream9', config: { trustedRegistries: ['registry.example.com'] } },
      { code: 'FROM python:3.12-slim', config: { trustedRegistries: ['*.example.com'] } },
      {
        code: 'FROM registry.example.com/base/node:22\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /usr/local/bin/uv',
        config: { trustedRegistries: ['registry.example.com'] },
      },
    ],
    valid: [
      { code: 'FROM registry.example.com/base/python:3.12-slim', config: { trustedRegistries: ['registry.example.com'] } },
      { code: 'FROM mirror.eu.example.com/library/node:22', config: { trustedRegistries: ['*.example.com'] } },
      { code: 'FROM node:22-slim\nCOPY --from=docker.io/library/busybox:1.36 /bin/busybox /bin/', config: { trustedRegistries: ['docker.io'] } },
      {
        code: 'FROM registry.example.com/golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app',
        config: { trustedRegistries: ['registry.example.com'] },
      },
      'FROM quay.io/centos/centos:stream9',
    ],
  },
  check({ dockerfile, config, report }, messages) {
    const trusted = config.trustedRegistries;
    if (trusted.length === 0) return;
    const list = trusted.map((t) => `\`${t}\``).join(', ');
    const allowed = (registry: string | null, name: string): boolean => {
      if (registry !== null) return trusted.some((t) => registryMatches(t, registry));
      return name === 'scratch' || trusted.some((t) => registryMatches(t, 'docker.io') || registryMatches(t, 'hub.docker.com'));
    };
    const hostOf = (registry: string | null) => (registry === null ? 'Docker Hub (docker.io)' : `\`${registry}\``);
    const aliases = new Set<string>();
    const passes = (image: { registry: string | null; name: string }) => aliases.has(image.name) || allowed(image.registry, image.name);

    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword === 'FROM') {
        const stage = dockerfile.stages[instruction.stage];
        if (!stage || stage.image.raw === '') continue;
        const image = rawImageParts(stage.image.raw);
        if (!passes(image)) report({ instruction, span: stage.imageSpan ?? undefined, message: messages.from(stage.image.raw, hostOf(image.registry), list) });
        if (stage.nameRaw !== null) aliases.add(stage.nameRaw);
      } else if (instruction.keyword === 'COPY') {
        const from = copyFromFlag(instruction);
        if (!from) continue;
        const image = rawImageFromText(from.value);
        if (!passes(image)) report({ instruction, span: from.span, message: messages.copy(from.value, hostOf(image.registry), list) });
      } else if (instruction.keyword === 'RUN') {
        const mountFlags = instruction.flags.filter((f) => f.name === 'mount');
        const mounts = mountsOf(instruction);
        const bad = mounts.findIndex((m) => (m.type === 'bind' || m.type === 'cache') && !passes(rawImageFromText(m.from ?? 'scratch')));
        const mount = mounts[bad];
        if (!mount) continue;
        const from = mount.from ?? 'scratch';
        report({ instruction, span: mountFlags[bad]?.span, message: messages.mount(from, hostOf(rawImageFromText(from).registry), list) });
      }
    }
  },
});
