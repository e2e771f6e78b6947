/**
 * A cancellation flag with listeners: what AbortController is, at a fraction of its cost
 * (making an AbortSignal costs more than the rest of a local invocation's bookkeeping, and every
 * submitted task needs one).
 */
export class CancelSignal {
  private cancelled = false;
  private listeners: Array<() => void> | undefined;

  get aborted(): boolean {
    return this.cancelled;
  }

  /** Calls `listener` once, when the signal is cancelled; returns a function that unsubscribes. */
  onAbort(listener: () => void): () => void {
    if (this.cancelled) {
      listener();
      return () => undefined;
    }
    (this.listeners ??= []).push(listener);
    return () => {
      const index = this.listeners?.indexOf(listener) ?? -1;
      if (index >= 0) this.listeners?.splice(index, 1);
    };
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    const listeners = this.listeners ?? [];
    this.listeners = undefined;
    for (const listener of listeners) listener();
  }
}
