/**
 * The lesson slugs of the syllabus (../shared/techniques.md), one per technique area.
 * Rules name the lesson that teaches their fix; lesson folders under content/lessons use these slugs.
 */
export const LESSONS = [
  'layers-and-whiteouts',
  'cleanup-in-the-same-run',
  'build-vs-runtime-deps',
  'choosing-a-base-image',
  'cache-friendly-order',
  'multi-stage-builds',
  'base-middle-app-layers',
  'dev-vs-prod-deps',
  'sharing-the-build-cache',
  'fewer-meaningful-layers',
  'runtime-hygiene',
  'capstone-django',
] as const;

export type LessonId = (typeof LESSONS)[number];
