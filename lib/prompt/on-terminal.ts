/**
 * Questions asked on a terminal: they read the lines typed ahead of them, in order (lib/prompt/line-gate.ts says
 * why and how), and one too long for a small window is said once above a short prompt (lib/prompt/fit-window.ts).
 * node-plop hands over inquirer's shared instance, whose prompts read process.stdin directly; the asking here goes
 * through a prompt module of that same inquirer (createPromptModule, never a second copy) whose readline reads the
 * gate, with the instance's prompt types, each telling the gate when it shows. With stdin no terminal, or an
 * inquirer that makes no prompt modules, the instance is used as it is.
 */
import type { Inquirer } from "./ask.js";
import { fittedArgs } from "./fit-window.js";
import { LineGate, type TerminalInput } from "./line-gate.js";

// inquirer's prompt classes take their question, readline and answers; the wrapper below needs any[] to extend them.
type PromptClass = new (...args: any[]) => { _run(...args: unknown[]): unknown; onError?(...args: unknown[]): unknown };

interface PromptModule {
  (questions: unknown[]): Promise<Record<string, unknown>>;
  prompts: Record<string, PromptClass>;
  registerPrompt(name: string, prompt: PromptClass): unknown;
}

interface InquirerInstance {
  prompt?: { prompts?: Record<string, PromptClass> };
  createPromptModule?(options: { input: NodeJS.ReadableStream }): PromptModule;
}

/**
 * `Base` as a question on the terminal gets it: its question fitted to the window (said once above a short prompt where
 * it is too long), and telling the gate when it shows, and when it shows again after refusing an answer (the next line
 * is for it).
 */
function onTerminal(Base: PromptClass, gate: LineGate): PromptClass {
  class OnTerminal extends Base {
    constructor(...args: any[]) {
      super(...fittedArgs(args));
    }

    override _run(...args: unknown[]): unknown {
      const running = super._run(...args);
      gate.ready();
      return running;
    }
  }
  const refuse = Base.prototype.onError;
  if (typeof refuse === "function") {
    OnTerminal.prototype.onError = function (this: InstanceType<PromptClass>, ...args: unknown[]): unknown {
      const shown = refuse.apply(this, args);
      gate.ready();
      return shown;
    };
  }
  return OnTerminal;
}

/** Runs `work` with an inquirer whose questions read the lines typed ahead one at a time and fit the window; the terminal is given back after. */
export async function askingOnTerminal<T>(inquirer: Inquirer, work: (inquirer: Inquirer) => Promise<T>, stdin: NodeJS.ReadStream & TerminalInput = process.stdin): Promise<T> {
  const instance = inquirer as unknown as InquirerInstance;
  const prompts = instance.prompt?.prompts;
  if (!stdin.isTTY || typeof stdin.setRawMode !== "function" || !prompts || typeof instance.createPromptModule !== "function") return work(inquirer);
  const gate = new LineGate(stdin, () => process.kill(process.pid, "SIGINT"));
  const prompt = instance.createPromptModule({ input: gate as unknown as NodeJS.ReadableStream });
  const asking = {
    prompt,
    // A type registered on the way (lib/prompt/clearing-input.ts) tells the gate too.
    registerPrompt(name: string, type: PromptClass) {
      prompt.registerPrompt(name, onTerminal(type, gate));
      return asking;
    },
  };
  for (const [name, type] of Object.entries(prompts)) asking.registerPrompt(name, type);
  gate.open();
  try {
    return await work(asking as unknown as Inquirer);
  } finally {
    gate.close();
  }
}
