import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useMultiStageForCompiledApps as rule } from './use-multi-stage-for-compiled-apps.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const lint = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;

describe('use-multi-stage-for-compiled-apps', () => {
  test('a single-stage build on a toolchain image is reported on the build command', () => {
    expect(lint('FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download && go build -o /app .')).toMatchObject([
      { span: { line: 4, column: 24, endLine: 4, endColumn: 42 }, instructionLine: 4, severity: 'info' },
    ]);
  });

  test.each([
    ['rust:1.80', 'cargo build --release'],
    ['maven:3.9-eclipse-temurin-21', 'mvn -B clean package -DskipTests'],
    ['maven:3.9', './mvnw -q verify'],
    ['gradle:8-jdk21', 'gradle --no-daemon build'],
    ['eclipse-temurin:21-jdk', './gradlew :app:bootJar'],
    ['mcr.microsoft.com/dotnet/sdk:8.0', 'dotnet publish -c Release -o /out'],
    ['golang:1.22-alpine', 'CGO_ENABLED=0 go install ./cmd/app'],
  ])('%s with `%s`', (image, command) => {
    expect(lint(`FROM ${image}\nCOPY . /src\nRUN ${command}`)).toHaveLength(1);
  });

  test('multi-stage builds, runtime images and non-build commands pass', () => {
    expect(lint('FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app')).toEqual([]);
    expect(lint('FROM golang:1.22\nRUN go test ./... && go vet ./...')).toEqual([]);
    expect(lint('FROM eclipse-temurin:21-jre\nRUN ./gradlew build')).toEqual([]);
    expect(lint('FROM python:3.12\nRUN go build ./...')).toEqual([]);
    expect(lint('FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN dotnet publish')).toEqual([]);
  });

  test('one finding per Dockerfile', () => {
    expect(lint('FROM golang:1.22\nRUN go build ./cmd/a\nRUN go build ./cmd/b')).toHaveLength(1);
  });

  test('the message names the image and a runtime image', () => {
    const [d] = lint('FROM rust:1.80\nRUN cargo build --release');
    expect(d?.message).toContain('`rust:1.80`');
    expect(d?.message).toContain('debian:bookworm-slim');
  });
});
