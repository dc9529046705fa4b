import { defineRule } from '../define-rule.ts';
import { rawPlatform } from '../image-syntax.ts';

export const noConstantPlatform = defineRule({
  id: 'no-constant-platform',
  title: 'Do not pin FROM to a fixed platform',
  category: 'correctness',
  severity: 'warning',
  equivalents: ['hadolint:DL3029'],
  lesson: 'multi-stage-builds',
  why:
    '`FROM --platform=linux/amd64` forces that stage to one architecture whatever you build for, so `docker buildx build --platform linux/arm64` produces an image that runs under emulation or not at all. Choose the target platform at build time (`docker build --platform …`), and use `--platform=$BUILDPLATFORM` only for builder stages that cross-compile. Like hadolint, any value that does not mention BUILDPLATFORM or TARGETPLATFORM is reported; BuildKit has a narrower check, FromPlatformFlagConstDisallowed, for literal values only.',
  messages: {
    constant: (value: string) =>
      `\`--platform=${value}\` ties this stage to one platform, so builds for other architectures get the wrong base. Remove the flag and pass \`docker build --platform ${value}\` when you need it, or use \`--platform=$BUILDPLATFORM\` in a cross-compiling builder stage.`,
  },
  examples: {
    invalid: ['FROM --platform=linux/amd64 python:3.12-slim', 'ARG ARCH=arm64\nFROM --platform=linux/${ARCH} alpine:3.20'],
    valid: [
      'FROM python:3.12-slim',
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\nFROM scratch\nCOPY --from=build /app /app',
    ],
  },
  check({ dockerfile, report }, messages) {
    for (const stage of dockerfile.stages) {
      const platform = rawPlatform(stage);
      if (!platform || platform.value.includes('BUILDPLATFORM') || platform.value.includes('TARGETPLATFORM')) continue;
      report({ instruction: stage.from, span: platform.span, message: messages.constant(platform.value) });
    }
  },
});
