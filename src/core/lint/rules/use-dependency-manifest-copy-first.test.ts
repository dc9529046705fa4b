import { beforeAll, describe, expect, test } from 'vitest';
import { createNodeLinter, type NodeLinter } from '../../../node/engine.ts';
import { useDependencyManifestCopyFirst as rule } from './use-dependency-manifest-copy-first.ts';

let linter: NodeLinter;
beforeAll(async () => {
  linter = await createNodeLinter();
});
const findings = (text: string) => linter.lint(text, { rules: [rule] }).diagnostics;
const count = (body: string) => findings(`FROM debian:bookworm\nWORKDIR /app\n${body}`).length;

describe('use-dependency-manifest-copy-first', () => {
  test.each([
    ['COPY . .', 'RUN npm ci'],
    ['COPY . .', 'RUN npm install'],
    ['COPY ./ ./', 'RUN yarn'],
    ['ADD . .', 'RUN yarn install --frozen-lockfile'],
    ['COPY --chown=node:node . /app', 'RUN pnpm install --frozen-lockfile'],
    ['COPY ["package.json", ".", "./"]', 'RUN npm ci'],
    ['COPY * ./', 'RUN bun install'],
    ['COPY . .', 'RUN pip install --no-cache-dir -r requirements.txt'],
    ['COPY . .', 'RUN pip install --no-cache-dir .'],
    ['COPY . .', 'RUN poetry install --only main'],
    ['COPY . .', 'RUN pipenv install --deploy --system'],
    ['COPY . .', 'RUN uv sync --frozen'],
    ['COPY . .', 'RUN bundle install'],
    ['COPY . .', 'RUN composer install --no-dev'],
    ['COPY . .', 'RUN go mod download'],
    ['COPY . .', 'RUN cargo build --release'],
    ['COPY . .', 'RUN mvn -B package -DskipTests'],
    ['COPY . .', 'RUN ./mvnw dependency:go-offline'],
    ['COPY . .', 'RUN ./gradlew build --no-daemon'],
    ['COPY . .', 'RUN dotnet restore'],
    ['COPY . .', 'RUN dotnet publish -c Release -o /out'],
    ['COPY package.json package-lock.json ./\nCOPY . .', 'RUN npm ci'],
    ['COPY . .', 'RUN go get -d -v ./...'],
    ['COPY . .', 'RUN pnpm fetch && pnpm install --offline'],
    ['COPY . .', 'RUN cargo chef cook --release --recipe-path recipe.json'],
  ])('flags %s before %s', (copy, run) => {
    expect(count(`${copy}\n${run}`)).toBe(1);
  });

  test.each([
    'COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build',
    'COPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install --no-deps .',
    'COPY . .\nRUN pip install --no-deps .',
    'COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /bin/app . && go mod download',
    'COPY Cargo.toml Cargo.lock ./\nRUN cargo fetch\nCOPY . .\nRUN cargo build --release',
    'COPY pom.xml .\nRUN mvn dependency:go-offline\nCOPY . .\nRUN mvn package',
    'COPY *.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o /out',
    'COPY . .\nRUN dotnet publish --no-restore -o /out',
    'COPY . .\nRUN npm run build',
    'COPY . .\nRUN npm install -g pm2@5.4.2',
    'COPY . .\nRUN pip install --no-cache-dir gunicorn==22.0.0',
    'COPY --from=build /app .\nRUN npm ci',
    'COPY src/ ./src/\nRUN npm ci',
    'RUN npm ci\nCOPY . .',
    // The dependency step comes first, from the lockfile or a recipe alone; the install after the copy only links or builds.
    'COPY pnpm-lock.yaml ./\nRUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm fetch\nCOPY . .\nRUN pnpm install --offline --frozen-lockfile',
    'COPY --from=planner /app/recipe.json recipe.json\nRUN cargo chef cook --release --recipe-path recipe.json\nCOPY . .\nRUN cargo build --release --bin api',
    'COPY Cargo.toml Cargo.lock ./\nRUN mkdir src && echo "fn main() {}" > src/main.rs && cargo build --release\nCOPY . .\nRUN cargo build --release',
    'COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go get -d ./... && go build ./...',
    'COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm install',
    'COPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .\nRUN bundle exec rake assets:precompile',
    'COPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nCOPY . .\nRUN uv sync --frozen',
    'COPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install --only-root',
    'COPY pom.xml .\nRUN mvn -B dependency:go-offline\nCOPY src ./src\nCOPY . .\nRUN mvn -B package -DskipTests',
    'COPY *.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish --no-restore -c Release -o /out',
    'COPY requirements.txt .\nRUN pip wheel --wheel-dir /wheels -r requirements.txt\nCOPY . .\nRUN pip install --no-index --find-links /wheels -r requirements.txt',
    'COPY . .\nRUN go get github.com/example/tool@v1.2.3',
  ])('accepts %s', (body) => {
    expect(count(body)).toBe(0);
  });

  test('an install in a stage that the stage is built FROM counts as earlier', () => {
    expect(findings('FROM node:22 AS deps\nCOPY package*.json ./\nRUN npm ci\nFROM deps\nCOPY . .\nRUN npm ci')).toHaveLength(0);
  });

  test('one finding per stage, on the first broad COPY, naming the first install and every manifest', () => {
    const text = 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCOPY ./ /srv/\nRUN pip install -r requirements.txt && npm ci\nRUN npm ci';
    const d = findings(text);
    expect(d).toHaveLength(1);
    expect(d[0]?.span).toEqual({ line: 3, column: 6, endLine: 3, endColumn: 7 });
    expect(d[0]?.message).toContain('(line 5)');
    expect(d[0]?.message).toContain('requirements.txt, package.json and package-lock.json');
  });

  test('each stage is checked on its own', () => {
    expect(findings('FROM node:22 AS a\nCOPY . .\nRUN npm ci\nFROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt')).toHaveLength(2);
  });
});
