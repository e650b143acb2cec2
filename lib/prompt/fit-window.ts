/**
 * A question too long for a small terminal window is said once, above a short prompt. inquirer draws its prompt
 * again at every key and erases the lines it drew first, but it cannot erase lines scrolled out of the window:
 * a question that wraps to more lines than the window has (the value objects' question with its rules, 9 lines
 * at 40 columns) was left on the screen once more at every key typed. Said once as plain text, it scrolls like
 * any output; the prompt drawn again is the question's first words (and a list's item number), which fit.
 */

/** `text` broken into lines of at most `columns`, at spaces as inquirer breaks its prompts (a word too long is cut). */
export function wrapped(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length <= columns) {
      line += ` ${word}`;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    for (; line.length > columns; line = line.slice(columns)) lines.push(line.slice(0, columns));
  }
  lines.push(line);
  return lines;
}

/** How many lines `text` takes in `columns`. */
export const linesIn = (text: string, columns: number): number => wrapped(text, columns).length;

/** A list's own end of its item questions (lib/prompt/ask.ts): kept in the short prompt. */
const ITEM = / (#\d+, blank to finish:)$/;

/**
 * `message` as the prompt to draw in a window of `columns` x `rows`, and the text to say once before it when it does
 * not fit in half the window (the other half is for the answer and a problem under it). No window size: as it is.
 */
export function fitted(message: string, columns: number | undefined, rows: number | undefined): { said?: string; asked: string } {
  if (!columns || !rows || linesIn(`? ${message} `, columns) <= Math.floor(rows / 2)) return { asked: message };
  const item = ITEM.exec(message);
  const said = (item ? message.slice(0, item.index) : message).replace(/:$/, "");
  // The question's first words, up to its first comma, semicolon, colon or bracket: "A value object and its rule".
  const head = /^[^,;:(]*/.exec(said)![0].trim() || said;
  return { said, asked: item ? `${head} ${item[1]}` : `${head}:` };
}

interface Window {
  columns?: number;
  rows?: number;
  write(text: string): unknown;
}

/** inquirer's arguments to a prompt (question, readline, answers) with the question fitted to the readline's window, said once before it where it is too long. */
export function fittedArgs(args: any[]): any[] {
  const [question, rl, ...rest] = args as [{ message?: unknown }, { output: Window }, ...unknown[]];
  if (typeof question?.message !== "string") return args;
  const { said, asked } = fitted(question.message, rl.output.columns, rl.output.rows);
  if (!said) return args;
  // Broken at spaces, as the prompt under it is, rather than where the window cuts it.
  rl.output.write(`${wrapped(said, rl.output.columns!).join("\n")}\n`);
  return [{ ...question, message: asked }, rl, ...rest];
}
