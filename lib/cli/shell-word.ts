/**
 * A word as a POSIX shell reads it back: quoted where it holds anything but safe characters. For the commands a
 * run suggests (the kept answers' plan-again line, the summary's check), which a person pastes into a shell: JSON
 * quoting is not shell quoting (a `$` or a backquote in double quotes still expands).
 */
export const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);
