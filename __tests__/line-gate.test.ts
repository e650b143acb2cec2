/** The gate between the terminal and inquirer's readline: lines typed ahead go one at a time to the prompt showing. */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "@jest/globals";
import { LineGate, lineEnd } from "../lib/prompt/line-gate.js";

/** A terminal input that records what the gate did to it. */
class FakeTerminal extends EventEmitter {
  isRaw = false;
  modes: boolean[] = [];
  given: string[] = [];
  paused = true;
  setRawMode(mode: boolean): void {
    this.isRaw = mode;
    this.modes.push(mode);
  }
  resume(): void {
    this.paused = false;
  }
  pause(): void {
    this.paused = true;
  }
  unshift(chunk: Buffer): void {
    this.given.push(chunk.toString());
  }
  type(text: string): void {
    this.emit("data", Buffer.from(text));
  }
}

/** An open gate over a fake terminal, read as a readline reads it; `read` is what reached the reader. */
function opened(): { terminal: FakeTerminal; gate: LineGate; read: string[]; interrupts: number[] } {
  const terminal = new FakeTerminal();
  const interrupts: number[] = [];
  const gate = new LineGate(terminal, () => interrupts.push(1));
  const read: string[] = [];
  gate.on("data", (chunk: Buffer) => read.push(chunk.toString()));
  gate.open();
  return { terminal, gate, read, interrupts };
}

const settled = (): Promise<void> => new Promise((r) => setImmediate(r));

describe("lineEnd", () => {
  it.each([
    ["abc\rdef", 4],
    ["abc\ndef", 4],
    ["abc\r\ndef", 5],
    ["\r", 1],
    ["abc", -1],
    ["", -1],
  ])("%j ends its first line at %d", (text, end) => {
    expect(lineEnd(Buffer.from(text))).toBe(end);
  });
});

describe("LineGate", () => {
  it("holds lines typed ahead and gives each prompt one, once it shows", async () => {
    const { terminal, gate, read } = opened();
    terminal.type("Book room\rMember\r\r");
    gate.resume();
    await settled();
    expect(read).toEqual([]);
    gate.ready();
    await settled();
    expect(read).toEqual(["Book room\r"]);
    // The answered prompt closes, the next one shows.
    gate.pause();
    gate.resume();
    gate.ready();
    await settled();
    expect(read).toEqual(["Book room\r", "Member\r"]);
  });

  it("gives a prompt that refused its answer the next line, and keys typed at a prompt at once", async () => {
    const { terminal, gate, read } = opened();
    gate.resume();
    gate.ready();
    terminal.type("Room");
    expect(read).toEqual(["Room"]);
    terminal.type("Id:bogus\rRoomId:uuid\r");
    expect(read).toEqual(["Room", "Id:bogus\r"]);
    gate.ready(); // the problem shows under the same prompt
    await settled();
    expect(read).toEqual(["Room", "Id:bogus\r", "RoomId:uuid\r"]);
  });

  it("passes Ctrl-C at once to the prompt reading, or interrupts with none, dropping what was held", () => {
    const reading = opened();
    reading.gate.resume();
    reading.terminal.type("Book room\rMember\x03");
    expect(reading.read).toEqual(["\x03"]);
    expect(reading.interrupts).toEqual([]);
    const between = opened();
    between.terminal.type("Book room\r\x03");
    expect(between.read).toEqual([]);
    expect(between.interrupts).toEqual([1]);
    between.gate.close();
    expect(between.terminal.given).toEqual([]);
  });

  it("keeps the terminal raw while open, and gives back the terminal as it was with what no prompt took", async () => {
    const { terminal, gate, read } = opened();
    expect(terminal.paused).toBe(false);
    gate.resume();
    // readline's own raw-mode calls change nothing on the terminal while the gate is open.
    gate.setRawMode(false);
    expect(terminal.modes).toEqual([true]);
    terminal.type("one\rtwo\r");
    gate.ready();
    await settled();
    gate.pause();
    gate.close();
    expect(read).toEqual(["one\r"]);
    expect(terminal.given).toEqual(["two\r"]);
    expect(terminal.modes).toEqual([true, false]);
    expect(terminal.paused).toBe(true);
    terminal.type("late\r");
    expect(read).toEqual(["one\r"]);
  });
});
