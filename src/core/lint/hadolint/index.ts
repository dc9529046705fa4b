/**
 * hadolint's view of a Dockerfile, for the rules that claim a hadolint equivalent (see commands.ts for
 * how RUN text is read, words.ts for arguments and flags, stages.ts for cache mounts and stage selection).
 */
export { argsNoFlags, cleanedAfterInstall, cmdHasAllArgs, cmdHasArgs, countFlag, flagArgs, hadolintCommands, hadolintHasPipe, hasAnyFlag, hasExactSpan, ownArgsView, type HArg, type HCommand, wrappedNameMessage, wrapperOf } from './commands.ts';
export { hadolintCheckedStages, hadolintImageName, hasCacheOrTmpfsMountWith } from './stages.ts';
export { flagNames, simplifyWord, splitShellText } from './words.ts';
