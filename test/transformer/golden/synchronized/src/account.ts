import { AtomicLong, Monitor, Shared, synchronized } from "crucial";

export class Account {
  @Shared()
  balance = new AtomicLong(0);

  private readonly lock = new Monitor("account-lock");

  // The body's value is the value of the synchronized expression.
  deposit(amount: number): bigint {
    return synchronized(this.balance, () => {
      const before = this.balance.get();
      this.balance.set(before + BigInt(amount));
      return before + BigInt(amount);
    });
  }

  // A throw leaves through the finally block, which releases the monitor.
  withdraw(amount: number): void {
    synchronized(this.lock, () => {
      if (this.balance.get() < BigInt(amount)) throw new RangeError("insufficient funds");
      this.balance.addAndGet(-amount);
    });
  }

  // Reentrant: the same thread may enter a monitor it holds.
  audit(): bigint {
    return synchronized(this.lock, () => synchronized(this.lock, () => this.balance.get()));
  }

  read = (counter: AtomicLong) => synchronized(counter, () => counter.get());
}
