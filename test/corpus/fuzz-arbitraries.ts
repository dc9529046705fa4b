/**
 * Input generators for test/fuzz.test.ts (kept apart so scripts can sample them too):
 * (a) grammar-ish Dockerfiles, (b) mutations of the corpus files, (c) random strings.
 */
import fc from 'fast-check';
import { corpusFiles } from './files.ts';

// ---------------------------------------------------------------------------------------------
// (a) A grammar-ish Dockerfile generator
// ---------------------------------------------------------------------------------------------

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

/** Unicode and control characters that like to break offsets. */
const oddChar = pick('é', 'ß', '€', '🚀', '👋🏽', '中', 'ع', '\u00a0', '\u200b', '\u0000', '\u001b', '\t', '\uFEFF', '\uD800', '\uDC00', '\r');

const ident = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{0,9}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: oddChar },
);

const path = fc.oneof(
  pick('.', './', '/app', '/usr/local/bin/', 'src/', '/var/lib/apt/lists/*', '/root/.cache/pip', '/tmp', 'C:\\app\\', 'package*.json', '${HOME}/x', '$APP_DIR', '"/with space"'),
  fc.array(ident, { minLength: 1, maxLength: 3 }).map((xs) => '/' + xs.join('/')),
);

const image = fc.tuple(
  pick('alpine', 'debian', 'ubuntu', 'node', 'python', 'golang', 'scratch', 'nginx', 'gcr.io/distroless/static', 'ghcr.io/org/img', 'localhost:5000/x', '${BASE}', '$BASE_IMAGE', 'build', 'busybox'),
  pick('', ':latest', ':3.21', ':22-slim', ':${TAG}', ':', '@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', ':1@sha256:abc'),
).map(([n, t]) => n + t);

const flag = fc.oneof(
  pick(
    '--mount=type=cache,target=/root/.cache/pip',
    '--mount=type=cache,target=/var/lib/apt/lists,sharing=locked',
    '--mount=type=cache,target=/var/cache/apt,id=apt',
    '--mount=type=bind,source=go.mod,target=go.mod',
    '--mount=type=bind,target=.',
    '--mount=type=secret,id=npmrc,target=/root/.npmrc',
    '--mount=type=ssh',
    '--mount=type=tmpfs,target=/tmp',
    '--mount=target=/x',
    '--mount=',
    '--mount',
    '--network=none',
    '--network=host',
    '--security=insecure',
    '--from=build',
    '--from=0',
    '--from=alpine:3.21',
    '--chown=1000:1000',
    '--chown=app',
    '--chmod=755',
    '--chmod=u=rwx',
    '--link',
    '--link=false',
    '--parents',
    '--exclude=*.md',
    '--checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d',
    '--keep-git-dir=true',
    '--platform=$BUILDPLATFORM',
    '--platform=linux/amd64',
    '--interval=5s',
    '--retries=3',
    '--start-period=1s',
    '--',
    '--=',
    '-x',
  ),
  fc.tuple(ident, ident).map(([k, v]) => `--${k}=${v}`),
);
const flags = fc.array(flag, { maxLength: 3 }).map((xs) => xs.map((x) => x + ' ').join(''));

/** Simple commands, some of them exactly what rules look for. */
const simpleCommand = fc.oneof(
  {
    weight: 4,
    arbitrary: pick(
      'apt-get update',
      'apt-get install -y curl',
      'apt-get install -y --no-install-recommends ca-certificates=20230311',
      'apt-get -qq install python3',
      'apt-get upgrade -y',
      'apt-get dist-clean',
      'apt-get install --update -y git',
      'apt install vim',
      'rm -rf /var/lib/apt/lists/*',
      'apt-get clean',
      'apk add --no-cache --virtual .build-deps gcc',
      'apk add curl',
      'apk del .build-deps',
      'apk update',
      'pip install flask',
      'pip3 install --no-cache-dir -r requirements.txt',
      'python -m pip install --user x==1.0',
      'npm install',
      'npm ci --omit=dev',
      'npm i -g yarn',
      'yarn install --frozen-lockfile',
      'pnpm i',
      'gem install bundler',
      'bundle install',
      'go build ./...',
      'go install example.com/x@latest',
      'cargo build --release',
      'composer install',
      'dotnet restore',
      'yum install -y httpd',
      'dnf install -y jq',
      'zypper install -y gcc',
      'microdnf install x',
      'cd /app',
      'cd',
      'sudo apt-get install -y x',
      'sudo -u app npm ci',
      'env DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata',
      'curl -fsSL https://example.com/install.sh | sh',
      'wget -qO- https://x | bash -',
      'wget --no-check-certificate https://x',
      'curl -k https://x -o /x',
      'chmod 777 /app',
      'chmod -R 0777 /',
      'useradd -m app',
      'useradd -l -u 1000 app',
      'ln -s /bin/bash /bin/sh',
      'echo hi',
      'echo "$(date)" > /built',
      'set -eux',
      'true',
      ':',
      'exit 1',
      'ssh-keyscan github.com >> ~/.ssh/known_hosts',
      'git clone https://github.com/x/y.git',
      'tar xzf x.tgz -C /opt',
      'gpg --batch --verify a.asc a',
      'savedAptMark="$(apt-mark showmanual)"',
      "apt-mark auto '.*' > /dev/null",
      'apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false',
      'export PATH=/x:$PATH',
      'FOO=bar',
      'A=1 B=2 make',
      'make -j"$(nproc)"',
      'find / -name "*.pyc" -delete',
      'powershell -Command Get-ChildItem',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(ident, pick('-y', '--', '-', '"', "'", '\\', '$', '${X}', '$(', ')', '`', '>', '<', '2>&1', '*', '~', '#', '=', '[[', ']]', '{', '}')), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(' ')),
  },
);

const operator = pick(' && ', ' || ', ' | ', '; ', ';', ' & ', ' |& ', '\n', ' && \\\n    ', ' \\\n    && ', ' \\\n# a comment line\n    && ', ' \\\n\n    && ', ' \\   \n    && ', ' `\n    ; ');

/** Shell text with nesting: wrappers, substitutions, control flow, quoting. */
const { shell } = fc.letrec<{ shell: string; unit: string }>((tie) => ({
  unit: fc.oneof(
    { maxDepth: 2, depthSize: 'small', withCrossShrink: true },
    simpleCommand,
    fc.tuple(pick("sh -c '", 'bash -c "', 'bash -lc "', 'su app -c "', 'sudo sh -c "', 'exec ', 'nohup ', 'time ', 'xargs -r ', 'env -i '), tie('shell')).map(([w, s]) =>
      w.endsWith("'") ? `${w}${s.replace(/'/g, '')}'` : w.endsWith('"') ? `${w}${s.replace(/"/g, '')}"` : `${w}${s}`,
    ),
    tie('shell').map((s) => `echo "$(${s})"`),
    tie('shell').map((s) => `X=\`${s.replace(/`/g, '')}\``),
    tie('shell').map((s) => `if [ -f /x ]; then ${s}; else true; fi`),
    tie('shell').map((s) => `for p in a b "c d"; do ${s}; done`),
    tie('shell').map((s) => `while false; do ${s}; done`),
    tie('shell').map((s) => `case "$x" in a) ${s} ;; *) ;; esac`),
    tie('shell').map((s) => `( ${s} )`),
    tie('shell').map((s) => `{ ${s}; }`),
    tie('shell').map((s) => `f() { ${s}; }; f`),
    tie('shell').map((s) => `${s} 2>/dev/null || :`),
    tie('shell').map((s) => `! ${s}`),
    tie('shell').map((s) => `[[ -n "$X" ]] && ${s}`),
    tie('shell').map((s) => `cat <<EOF > /x\n${s}\nEOF`),
  ),
  shell: fc.tuple(tie('unit'), fc.array(fc.tuple(operator, tie('unit')), { maxLength: 3 })).map(([first, rest]) => first + rest.map(([op, u]) => op + u).join('')),
}));

const jsonArray = fc.oneof(
  fc.array(fc.oneof(ident, simpleCommand, pick('\\"', '\\\\', '\\u00e9', 'C:\\\\x', '')), { maxLength: 4 }).map((xs) => JSON.stringify(xs)),
  pick('[]', '[ ]', '["a",]', "['a', 'b']", '["unterminated', '[1, 2]', '["a" "b"]', '["/bin/sh", "-c", "echo \\"hi\\""]', '[ "a" , "b" ]'),
);

const heredocName = pick('EOF', 'EOT', 'SCRIPT', '"EOF"', "'EOF'", '-EOF', '-"EOT"');

const heredoc = fc.tuple(heredocName, fc.array(shell, { maxLength: 2 }), fc.boolean(), pick('', ' bash', ' python3', ' sh -c "cat > /x"', ' /x', ' && <<EOF2 cat')).map(([name, body, terminated, after]) => {
  const bare = name.replace(/^-/, '').replace(/["']/g, '');
  const indent = name.startsWith('-') ? '\t' : '';
  return `<<${name}${after}\n${body.map((b) => indent + b).join('\n')}${terminated ? `\n${indent}${bare}` : ''}`;
});

const keyword = (k: string) => pick(k, k, k, k.toLowerCase(), k[0] + k.slice(1).toLowerCase());

const instruction = fc.letrec<{ instruction: string; plain: string }>((tie) => ({
  plain: fc.oneof(
    { maxDepth: 2, depthSize: 'small' },
    fc.tuple(keyword('FROM'), flags, image, pick('', ' AS build', ' as base', ' AS ', ' AS Build', ' AS a b')).map(([k, f, i, a]) => `${k} ${f}${i}${a}`),
    fc.tuple(keyword('RUN'), flags, shell).map(([k, f, s]) => `${k} ${f}${s}`),
    fc.tuple(keyword('RUN'), flags, jsonArray).map(([k, f, j]) => `${k} ${f}${j}`),
    fc.tuple(keyword('RUN'), flags, heredoc).map(([k, f, h]) => `${k} ${f}${h}`),
    fc.tuple(pick('COPY', 'ADD', 'copy'), flags, fc.array(path, { minLength: 1, maxLength: 3 })).map(([k, f, ps]) => `${k} ${f}${ps.join(' ')}`),
    fc.tuple(pick('COPY', 'ADD'), flags, pick('https://example.com/x.tar.gz', 'https://github.com/moby/buildkit.git#v0.1', 'x.tar.gz', 'git@github.com:a/b.git'), path).map(([k, f, s, d]) => `${k} ${f}${s} ${d}`),
    fc.tuple(pick('COPY', 'ADD'), flags, heredoc.map((h) => h.replace(/^<<(\S+)/, '<<$1 /etc/x.conf'))).map(([k, f, h]) => `${k} ${f}${h}`),
    fc.tuple(pick('COPY', 'ADD'), flags, jsonArray).map(([k, f, j]) => `${k} ${f}${j}`),
    fc.tuple(keyword('ENV'), fc.array(fc.tuple(ident, fc.oneof(ident, pick('"a b"', "'x'", '$PATH:/x', '${A:-b}', '', '"unterminated', 'a\\ b'))), { minLength: 1, maxLength: 3 })).map(([k, kvs]) => `${k} ${kvs.map(([a, b]) => `${a}=${b}`).join(' ')}`),
    fc.tuple(keyword('ENV'), ident, ident).map(([k, a, b]) => `${k} ${a} ${b}`),
    fc.tuple(keyword('ARG'), ident, pick('', '=1', '=${X}', '="a b"', '=')).map(([k, a, v]) => `${k} ${a}${v}`),
    fc.tuple(pick('CMD', 'ENTRYPOINT', 'cmd'), fc.oneof(shell, jsonArray)).map(([k, a]) => `${k} ${a}`),
    fc.tuple(keyword('HEALTHCHECK'), flags, fc.oneof(shell, jsonArray)).map(([k, f, a]) => `${k} ${f}CMD ${a}`),
    pick('HEALTHCHECK NONE', 'HEALTHCHECK', 'HEALTHCHECK CMD', 'HEALTHCHECK --interval=1s NONE'),
    fc.tuple(keyword('SHELL'), jsonArray).map(([k, j]) => `${k} ${j}`),
    fc.tuple(keyword('USER'), pick('root', 'app', '1000', '1000:1000', '0', '$UID', 'app:app', '')).map(([k, u]) => `${k} ${u}`),
    fc.tuple(keyword('WORKDIR'), path).map(([k, p]) => `${k} ${p}`),
    fc.tuple(keyword('EXPOSE'), fc.array(pick('80', '443/tcp', '53/udp', '8080-8090', '99999', 'abc', '$PORT', '-1'), { minLength: 1, maxLength: 3 })).map(([k, ps]) => `${k} ${ps.join(' ')}`),
    fc.tuple(keyword('LABEL'), fc.array(fc.tuple(ident, fc.oneof(ident, pick('"a b"', '"🚀"', 'x\\\n  y'))), { minLength: 1, maxLength: 3 })).map(([k, kvs]) => `${k} ${kvs.map(([a, b]) => `${a}=${b}`).join(' ')}`),
    fc.tuple(keyword('VOLUME'), fc.oneof(path, jsonArray)).map(([k, v]) => `${k} ${v}`),
    fc.tuple(pick('MAINTAINER', 'STOPSIGNAL', 'FROBNICATE', 'ADD', 'COPY', 'RUN', 'FROM', 'ONBUILD', 'ENV', 'LABEL'), pick('', ' ', ' x', ' SIGTERM', ' 9', ' a@b.c')).map(([k, a]) => k + a),
    fc.tuple(pick('ONBUILD ', 'onbuild ', 'ONBUILD ONBUILD ', 'ONBUILD FROM '), tie('plain')).map(([o, i]) => o + i),
  ),
  instruction: fc.tuple(pick('', '', '', ' ', '\t', '  '), tie('plain'), pick('', '', ' ', '\t', ' \\', ' # trailing comment')).map(([a, i, b]) => a + i + b),
})).instruction;

const commentLine = fc.oneof(pick('#', '# a comment', '#escape=`', '# syntax=docker/dockerfile:1', '# check=skip=all', '# hadolint ignore=DL3008', '# layerlab-ignore no-latest-tag', '# layerlab-ignore-file', ''), fc.string({ maxLength: 20 }).map((s) => '# ' + s.replace(/[\r\n]/g, '')));

const directives = fc.array(pick('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '#escape=`', '# check=skip=JSONArgsRecommended;error=true', '# ESCAPE=`', '# syntax = docker/dockerfile:1.7-labs', '# escape=x'), { maxLength: 2 });

const eolMode = pick('\n', '\n', '\n', '\r\n', '\r\n', '\r', 'mixed');

export const generatedDockerfile = fc
  .tuple(
    fc.boolean(),
    directives,
    fc.array(fc.oneof({ weight: 6, arbitrary: instruction }, { weight: 1, arbitrary: commentLine }), { maxLength: 12 }),
    eolMode,
    fc.array(pick('\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 }),
    pick('\n', '', '\n\n', ' \\\n', '\\'),
    fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: pick('\uFEFF', 'FROM alpine\n', '\n\n') }),
  )
  .map(([startWithFrom, dirs, body, eol, mixed, end, prefix]) => {
    const lines = [...dirs, ...(startWithFrom ? ['FROM alpine:3.21 AS base'] : []), ...body];
    const text = prefix + lines.join('\n') + end;
    if (eol === '\n') return text;
    let i = 0;
    return text.replace(/\r?\n/g, () => (eol === 'mixed' ? (mixed[i++ % mixed.length] ?? '\n') : eol));
  });

// ---------------------------------------------------------------------------------------------
// (b) Mutations of corpus files
// ---------------------------------------------------------------------------------------------

const corpus = corpusFiles().map((f) => f.text);

const fragment = fc.oneof(
  pick('\\', '\\\n', '\\ \n', '`\n', '\r', '\n', '\r\n', '"', "'", '`', '<<EOF\n', '<<-EOF\n', '\nEOF\n', '[', ']', '["', '",', '${', '$(', ')', '}', '#', '# escape=`\n', ' ', '\t', '\u0000', '🚀', '\uD800', '\uDFFF', '\uFEFF', '=', ',', '&&', '||', '|', ';', '--mount=type=cache,target=/x ', 'ONBUILD ', 'FROM scratch\n', 'RUN ', 'AS ', ' --from=', '\nARG X\n', ':latest', '@sha256:', 'sudo ', 'apt-get install -y x ', 'if then fi', 'do done'),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

export type Mutation =
  | { kind: 'deleteChars' | 'duplicateChars' | 'swapChars' | 'deleteLine' | 'duplicateLine' | 'swapLines' | 'truncate'; a: number; b: number }
  | { kind: 'insert' | 'insertLine' | 'replaceChars'; a: number; b: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: pick('deleteChars', 'duplicateChars', 'swapChars', 'deleteLine', 'duplicateLine', 'swapLines', 'truncate'), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: pick('insert', 'insertLine', 'replaceChars'), a: fc.nat(), b: fc.nat(), text: fragment }),
) as fc.Arbitrary<Mutation>;

export function mutate(text: string, m: Mutation): string {
  const n = text.length;
  const a = n === 0 ? 0 : m.a % (n + 1);
  const len = 1 + (m.b % 8);
  const lines = text.split('\n');
  const la = m.a % lines.length;
  const lb = m.b % lines.length;
  switch (m.kind) {
    case 'deleteChars':
      return text.slice(0, a) + text.slice(a + len);
    case 'duplicateChars':
      return text.slice(0, a + len) + text.slice(a, a + len) + text.slice(a + len);
    case 'swapChars': {
      const b = n === 0 ? 0 : m.b % n;
      const [x, y] = a <= b ? [a, b] : [b, a];
      if (y >= n || x === y) return text;
      return text.slice(0, x) + text[y] + text.slice(x + 1, y) + text[x] + text.slice(y + 1);
    }
    case 'deleteLine':
      return lines.filter((_, i) => i !== la).join('\n');
    case 'duplicateLine':
      return [...lines.slice(0, la + 1), lines[la] ?? '', ...lines.slice(la + 1)].join('\n');
    case 'swapLines': {
      const out = [...lines];
      [out[la], out[lb]] = [out[lb] ?? '', out[la] ?? ''];
      return out.join('\n');
    }
    case 'truncate':
      return text.slice(0, a);
    case 'insert':
      return text.slice(0, a) + m.text + text.slice(a);
    case 'insertLine':
      return [...lines.slice(0, la), m.text, ...lines.slice(la)].join('\n');
    case 'replaceChars':
      return text.slice(0, a) + m.text + text.slice(a + len);
  }
}

export const mutatedCorpusFile = fc
  .tuple(fc.nat({ max: Math.max(0, corpus.length - 1) }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([i, ms]) => ms.reduce(mutate, corpus[i] ?? ''));

// ---------------------------------------------------------------------------------------------
// (c) Random strings
// ---------------------------------------------------------------------------------------------

const dockerishChar = fc.oneof(
  { weight: 3, arbitrary: pick('\n', '\r\n', '\r', ' ', '\t', '\\', '`', '"', "'", '#', '$', '{', '}', '(', ')', '[', ']', ',', '=', '-', '&', '|', ';', '<', '>', '*', '/', ':', '@') },
  { weight: 3, arbitrary: pick('FROM ', 'RUN ', 'COPY ', 'ADD ', 'ENV ', 'ARG ', 'CMD ', 'ENTRYPOINT ', 'ONBUILD ', 'HEALTHCHECK ', 'SHELL ', 'USER ', 'WORKDIR ', 'EXPOSE ', 'LABEL ', 'AS ', '--mount=', 'type=cache', '<<EOF', 'EOF', 'apt-get ', 'install ', '-y ', 'sh -c ', 'escape=') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);

export const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 120 }),
  fc.array(dockerishChar, { maxLength: 120 }).map((xs) => xs.join('')),
  fc.array(dockerishChar, { maxLength: 40 }).map((xs) => 'FROM alpine\n' + xs.join('')),
);
