/**
 * A word as a POSIX shell reads it back: quoted where it holds anything but safe characters. For the commands a
 * run suggests (the kept answers' plan-again line, the summary's check), which a person pastes into a shell: JSON
 * quoting is not shell quoting (a `$` or a backquote in double quotes still expands).
 */
export const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);

/**
 * A path (or a word) a message names: as a shell reads it back, bare where it is plain (`--dest /tmp/app`), as every
 * other message names a file. A control character has no visible shell quoting and would break the message's one
 * line, so a word holding one is shown escaped instead.
 */
export const shownWord = (word: string): string => (/[\u0000-\u001f\u007f]/.test(word) ? JSON.stringify(word) : shellWord(word));
