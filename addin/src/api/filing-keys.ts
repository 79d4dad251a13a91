/**
 * Idempotency keys for filing. Every press of Nộp gets a fresh key, so filing figures that were filed
 * before is a new revision; only a press whose answer never came hands its key to the next press of
 * the same content, so a report the server stored while the network dropped is not filed twice.
 */
import { ApiError } from './client';

export class FilingKeys {
  private unanswered: { content: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key for filing `content` now. */
  keyFor(content: string): string {
    const key = this.unanswered?.content === content ? this.unanswered.key : this.newKey();
    this.unanswered = { content, key };
    return key;
  }

  /** What came of the filing: nothing (a receipt) or the error. Only a lost answer keeps the key. */
  settled(error?: unknown): void {
    const lost = error instanceof ApiError && error.status === 0;
    if (!lost) this.unanswered = null;
  }
}
