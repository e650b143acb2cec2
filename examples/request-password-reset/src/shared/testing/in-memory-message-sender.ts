import type { MessageSender, OutgoingMessage } from "../ports/ports.js";

/** Every message handed to the provider, in order, so a test can count them and read what they say. */
export class InMemoryMessageSender implements MessageSender {
  readonly sent: OutgoingMessage[] = [];

  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(JSON.parse(JSON.stringify(message)) as OutgoingMessage);
  }
}
