/**
 * inquirer 9's input prompt puts a refused answer back on the line, with the cursor after it: a person who reads
 * the problem and types the answer again (or the next list item) gets the two run together,
 * `EventId:sting(1..255)EventType:string(1..100)` (TRIAL6 U15). This input prompt starts the line empty
 * after a refusal; the refused answer stays in the prompt's history, so the Up arrow brings it back to edit.
 * With an inquirer that registers no prompt classes (another version), the plain input prompt is used.
 */
import type { Inquirer } from "./ask.js";

export const CLEARING_INPUT = "mjoplan-input";

interface InputPromptClass {
  new (...args: never[]): { onError(state: { value?: string; isValid: unknown }): void };
}
interface InquirerModule {
  prompt: { prompts?: Record<string, InputPromptClass | undefined> };
  registerPrompt?(name: string, prompt: InputPromptClass): void;
}
interface LiveInput {
  rl: { line: string; cursor: number };
  render(error?: unknown): void;
}

/** The input prompt's type to ask with: ours, registered once on `inquirer`, or "input" where it cannot be. */
export function clearingInput(inquirer: Inquirer): string {
  const module = inquirer as unknown as InquirerModule;
  const prompts = module.prompt?.prompts;
  if (prompts?.[CLEARING_INPUT]) return CLEARING_INPUT;
  const Input = prompts?.["input"];
  if (!Input || typeof module.registerPrompt !== "function") return "input";
  class ClearingInput extends Input {
    override onError(state: { value?: string; isValid: unknown }): void {
      const self = this as unknown as LiveInput;
      self.rl.line = "";
      self.rl.cursor = 0;
      self.render(typeof state.isValid === "string" ? `${state.isValid} (the Up arrow brings your answer back)` : state.isValid);
    }
  }
  module.registerPrompt(CLEARING_INPUT, ClearingInput);
  return CLEARING_INPUT;
}
