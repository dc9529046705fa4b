import type { ImageRef, Instruction, ParsedDockerfile } from '../../parse/model.ts';
import { isCommand, positionals } from '../../shell/query.ts';
import type { ShellCommand } from '../../shell/types.ts';
import { defineRule } from '../define-rule.ts';
import { commandsOf } from '../helpers.ts';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const JDK_IMAGES = new Set(['openjdk', 'eclipse-temurin', 'amazoncorretto', 'sapmachine']);

export interface Toolchain {
  /** What is being compiled, e.g. `Go`. */
  language: string;
  /** A small image to run the result on. */
  runtime: string;
}

/** The compiler toolchain an image ships, for official toolchain images only; null otherwise. */
export function toolchainOf(image: ImageRef): Toolchain | null {
  if (image.resolved === null) return null;
  const tag = image.tag ?? '';
  if (image.registry === 'mcr.microsoft.com') return image.name === 'dotnet/sdk' ? { language: '.NET', runtime: 'mcr.microsoft.com/dotnet/aspnet' } : null;
  if (image.registry !== null && !DOCKER_HUB.has(image.registry)) return null;
  const name = image.name.replace(/^library\//, '');
  if (name === 'golang') return { language: 'Go', runtime: 'gcr.io/distroless/static-debian12' };
  if (name === 'rust') return { language: 'Rust', runtime: 'debian:bookworm-slim' };
  if (name === 'maven' || name === 'gradle') return { language: 'Java', runtime: 'eclipse-temurin:21-jre' };
  if ((JDK_IMAGES.has(name) && !tag.includes('jre')) || tag.includes('jdk')) return { language: 'Java', runtime: 'eclipse-temurin:21-jre' };
  return null;
}

const MAVEN_GOALS = new Set(['package', 'install', 'verify']);
const GRADLE_TASKS = new Set(['build', 'assemble', 'bootJar', 'installDist', 'shadowJar', 'jar']);

/** A command that compiles an application: go build, cargo build, mvn package, gradle build, dotnet publish… */
export function isBuildCommand(c: ShellCommand): boolean {
  if (isCommand(c, 'go', ['build', 'install']) || isCommand(c, 'cargo', ['build', 'install']) || isCommand(c, 'dotnet', ['publish', 'build'])) return true;
  if (c.name !== 'mvn' && c.name !== 'mvnw' && c.name !== 'gradle' && c.name !== 'gradlew') return false;
  const args = positionals(c, ['-f', '--file', '-s', '--settings', '-p', '--project-dir', '-b', '--build-file']).map((w) => w.value);
  if (c.name === 'mvn' || c.name === 'mvnw') return args.some((a) => MAVEN_GOALS.has(a));
  if (c.name === 'gradle' || c.name === 'gradlew') return args.some((a) => GRADLE_TASKS.has(a) || GRADLE_TASKS.has(a.slice(a.lastIndexOf(':') + 1)));
  return false;
}

/**
 * A single-stage Dockerfile on a compiler image that compiles the app: the case this rule reports (and that
 * prefer-smaller-base-image leaves to it). Null when the Dockerfile is multi-stage or does not build.
 */
export function singleStageCompile(df: ParsedDockerfile): { toolchain: Toolchain; image: string; run: Instruction; command: ShellCommand } | null {
  const stage = df.stages.length === 1 ? df.stages[0] : undefined;
  if (!stage) return null;
  const toolchain = toolchainOf(stage.image);
  if (!toolchain) return null;
  for (const run of stage.instructions) {
    if (run.keyword !== 'RUN') continue;
    const command = commandsOf(run).find(isBuildCommand);
    if (command) return { toolchain, image: stage.image.resolved ?? stage.image.raw, run, command };
  }
  return null;
}

export const useMultiStageForCompiledApps = defineRule({
  id: 'use-multi-stage-for-compiled-apps',
  title: 'Compile in a builder stage, ship only the result',
  category: 'size',
  severity: 'info',
  equivalents: [],
  lesson: 'multi-stage-builds',
  why:
    'An image that compiles its app in its only stage ships the whole toolchain (compiler, SDK, module and package caches, often several hundred MB to over a GB) next to a binary or jar that needs none of it. With a multi-stage build you compile in a `FROM <toolchain> AS build` stage and `COPY --from=build` only the result into a small runtime image, which is smaller, pulls faster and has far fewer packages to patch.',
  messages: {
    singleStage: (language: string, image: string, runtime: string) =>
      `This single-stage image compiles with \`${image}\`, so the whole ${language} toolchain ships next to the result. Name this stage \`FROM ${image} AS build\`, then add \`FROM ${runtime}\` and \`COPY --from=build <built files> <destination>\` so only the output is shipped.`,
  },
  examples: {
    invalid: [
      'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app .\nCMD ["app"]',
      'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /src\nCOPY . .\nRUN mvn -B -DskipTests package\nCMD ["java", "-jar", "target/app.jar"]',
      'FROM rust:1.80\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\nCMD ["./target/release/app"]',
    ],
    valid: [
      'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nCMD ["/app"]',
      'FROM golang:1.22\nRUN go test ./...',
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir build && python -m build',
    ],
  },
  check({ dockerfile, report }, messages) {
    const found = singleStageCompile(dockerfile);
    if (!found) return;
    report({ instruction: found.run, span: found.command.span, message: messages.singleStage(found.toolchain.language, found.image, found.toolchain.runtime) });
  },
});
