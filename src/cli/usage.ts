/** Help texts. Keep in step with the options in lint-command.ts / rules-command.ts and the README. */

export const MAIN_USAGE = `Layerlab: lint Dockerfiles for image size, build cache, security and correctness.

Usage:
  layerlab lint [options] [FILE...|-]    Lint Dockerfiles (default ./Dockerfile; - reads stdin)
  layerlab simulate [options] [FILE|-]   Estimate each layer's size, the image size and wasted space
  layerlab rules [--format text|json]    List every rule with its hadolint/BuildKit equivalents
  layerlab help <command>                Show the options of a command
  layerlab --help                        Show this help
  layerlab --version                     Print the version

Exit codes: 0 no finding at or above the failure threshold, 1 findings at or above it,
2 usage, configuration or file error.

Run \`layerlab help lint\` for the lint options, \`layerlab help simulate\` for the simulator's.
`;

export const LINT_USAGE = `Usage: layerlab lint [options] [FILE...|-]

Lints each FILE (a Dockerfile). With no FILE, lints ./Dockerfile; "-" reads standard input.

Output:
  -f, --format FORMAT          stylish (default), json, sarif, checkstyle or gitlab
  -q, --quiet                  Report only error-severity findings (others are dropped and
                               do not affect the exit code)
      --no-color               No ANSI colours (also NO_COLOR=1, and off when not a terminal)
      --docs-base-url URL      Base of the rule documentation links (default https://layerlab.dev/rules/)

Failing:
  -t, --failure-threshold LEVEL
                               error, warning, info, style or none: exit 1 when a finding is at
                               least this severe ("none" never fails on findings).
                               Default: the config file's failureThreshold, else info

Rules and configuration:
  -c, --config FILE            Config file (default: the nearest .layerlab.json from the current
                               directory upward, stopping at a directory that contains .git)
      --ignore RULE            Switch a rule off; a rule id, hadolint code (DL3008) or BuildKit
                               check name (JSONArgsRecommended). Repeatable, or comma-separated
      --trusted-registry REG   A registry base images may come from (exact, "*", "*.suffix" or
                               "prefix*"), for the rules that check registries. Repeatable
      --fix                    Apply the safe fixes and write the files back (with "-": print the
                               fixed Dockerfile on stdout and the report on stderr)

Build context:
      --context DIR            Build context the rules may look at (top-level entries and
                               .dockerignore). Default: the Dockerfile's directory; none for stdin
      --no-context             Do not look at any build context
      --stdin-filename NAME    Name to report for standard input (default <stdin>)

Exit codes: 0 no finding at or above the threshold, 1 findings at or above it,
2 usage, configuration or file error (the files that could be read are still reported).
`;

export const RULES_USAGE = `Usage: layerlab rules [--format text|json] [--docs-base-url URL]

Lists every rule: id, severity, category, whether --fix can fix it, and the hadolint codes or
BuildKit checks it is equivalent to.

  -f, --format FORMAT          text (default) or json
      --docs-base-url URL      Base of the rule documentation links
`;

export const SIMULATE_USAGE = `Usage: layerlab simulate [options] [FILE|-]

Estimates the size of every layer of the image FILE builds (default ./Dockerfile; "-" reads
standard input), without Docker: the base image from measured data, COPY/ADD from the build
context, and what RUN commands add or remove. Prints the final size, dive's wasted space and
efficiency, and every step it cannot size, with the range it assumed.

  -f, --format FORMAT          text (default) or json
      --target STAGE           Simulate the image of this stage (as docker build --target)
      --context DIR            Build context COPY/ADD read from (files, sizes, .dockerignore).
                               Default: the Dockerfile's directory; none for stdin
      --no-context             Do not read a build context (COPY/ADD of local files are unknown)
      --base-size IMAGE=SIZE   Size of a base image Layerlab has no data for, e.g.
                               --base-size myco/base:1=120MB (repeatable). A
                               "# layerlab-size 120MB" comment above a FROM or RUN does the same
      --no-color               No ANSI colours (also NO_COLOR=1, and off when not a terminal)

Exit codes: 0 simulated (even with unknown steps), 2 usage, file or data error.
`;

export const USAGES: Readonly<Record<string, string>> = { lint: LINT_USAGE, simulate: SIMULATE_USAGE, rules: RULES_USAGE, help: MAIN_USAGE };
