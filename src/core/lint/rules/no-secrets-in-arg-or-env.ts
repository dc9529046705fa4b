import { defineRule } from '../define-rule.ts';
import { instructionsOf, keyValuePairs } from '../helpers.ts';

/** hadolint DL3064's list of well-known secret variable names (compared in upper case). */
const KNOWN = new Set([
  'ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY', 'BITTREX_API_SECRET', 'CF_PASSWORD', 'CF_USERNAME', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER', 'DOCKERHUB_PASSWORD', 'DOCKER_EMAIL', 'DOCKER_PASSWORD', 'DOCKER_USERNAME', 'FACEBOOK_ACCESS_TOKEN',
  'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET', 'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN', 'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN',
  'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'GITHUB_TOKEN', 'HEROKU_API_KEY', 'HEROKU_API_USER', 'NPM_AUTH_TOKEN', 'NPM_TOKEN',
  'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL', 'OKTA_CLIENT_TOKEN', 'OKTA_OAUTH2_CLIENTID', 'OKTA_OAUTH2_CLIENTSECRET',
  'OPENAI_API_KEY', 'OS_PASSWORD', 'OS_USERNAME', 'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY', 'STRIPE_DEVICE_NAME',
  'TRAVIS_OS_NAME', 'TRAVIS_SECURE_ENV_VARS', 'TRAVIS_SUDO', 'VAULT_CLIENT_KEY', 'VAULT_TOKEN',
]);
/** Substrings of the lower-cased name that make hadolint suspicious. */
const SUSPICIOUS = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

function looksSecret(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN.has(name.toUpperCase()) || SUSPICIOUS.some((s) => lower.includes(s));
}

export const noSecretsInArgOrEnv = defineRule({
  id: 'no-secrets-in-arg-or-env',
  title: 'Do not pass secrets through ARG or ENV',
  category: 'security',
  severity: 'warning',
  equivalents: ['hadolint:DL3064', 'buildkit:SecretsUsedInArgOrEnv'],
  lesson: null,
  why:
    'ENV values are stored in the image configuration and ARG values in its build history, so anyone who can pull the image can read them with `docker inspect` or `docker history`. Pass secrets with a secret mount instead: `RUN --mount=type=secret,id=npm_token …` and `docker build --secret id=npm_token,env=NPM_TOKEN`. Like hadolint, names are matched against a list of well-known secret variables and the substrings api_key, client_key, password, private, secret, token and username (ONBUILD ARG/ENV included); BuildKit’s own check instead splits the name into words at `_` and looks for words such as key, auth, password or token.',
  messages: {
    secret: (keyword: string, name: string) =>
      `\`${name}\` looks like a secret, and ${keyword === 'ENV' ? 'ENV values are stored in the image config (`docker inspect` shows them)' : 'ARG values are recorded in the image history (`docker history` shows them)'}. Use a build secret instead: \`RUN --mount=type=secret,id=${name.toLowerCase()},env=${name} …\` with \`docker build --secret id=${name.toLowerCase()},env=${name}\`.`,
  },
  examples: {
    invalid: [
      'FROM node:22-slim\nARG NPM_TOKEN\nRUN npm ci',
      'FROM python:3.12-slim\nENV DB_PASSWORD=changeme',
      'ARG GITHUB_TOKEN\nFROM golang:1.23',
      'FROM node:22-slim\nONBUILD ENV API_SECRET=""',
    ],
    valid: [
      'FROM node:22-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci',
      'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1',
      'FROM node:22-slim\nARG NODE_ENV=production',
    ],
  },
  check({ dockerfile, report }, messages) {
    const targets = [...instructionsOf(dockerfile, 'ARG'), ...instructionsOf(dockerfile, 'ENV')];
    for (const i of targets) {
      if (!i.argsSpan) continue;
      if (i.keyword === 'ARG') {
        // hadolint reads only the first name of an ARG.
        const name = /^[^\s=]+/.exec(i.argsText)?.[0];
        if (!name || !looksSecret(name)) continue;
        const start = dockerfile.offsetOf(i.argsSpan.line, i.argsSpan.column);
        report({ instruction: i, span: dockerfile.spanOf(start, start + name.length), message: messages.secret('ARG', name) });
        continue;
      }
      const pair = keyValuePairs(dockerfile, i).find((p) => looksSecret(p.key));
      if (pair) report({ instruction: i, span: pair.keySpan, message: messages.secret('ENV', pair.key) });
    }
  },
});
