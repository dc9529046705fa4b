/**
 * Splits an image reference (`registry/path/name:tag@digest`) the way the Docker reference grammar does.
 */
export interface ImageParts {
  registry: string | null;
  name: string;
  tag: string | null;
  digest: string | null;
}

export function splitImageRef(ref: string): ImageParts {
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || /[A-Z]/.test(first)) {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { registry, name: rest, tag, digest };
}

/** `python` and `library/python` on Docker Hub are the same repository. */
export function normaliseRepository(name: string): string {
  return name.startsWith('library/') ? name.slice('library/'.length) : name;
}
