"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Account = void 0;
const __crucial = require("crucial").__crucial;
const crucial_1 = require("crucial");
class Account {
    balance = __crucial.sharedField(crucial_1.AtomicLong, "Account.balance", [0], false);
    lock = new crucial_1.Monitor("account-lock");
    // The body's value is the value of the synchronized expression.
    deposit(amount) {
        return ((target_1, body_1) => {
            __crucial.monitorEnter(target_1);
            try {
                return body_1();
            }
            finally {
                __crucial.monitorExit(target_1);
            }
        })(this.balance, () => {
            const before = this.balance.get();
            this.balance.set(before + BigInt(amount));
            return before + BigInt(amount);
        });
    }
    // A throw leaves through the finally block, which releases the monitor.
    withdraw(amount) {
        ((target_2, body_2) => {
            __crucial.monitorEnter(target_2);
            try {
                return body_2();
            }
            finally {
                __crucial.monitorExit(target_2);
            }
        })(this.lock, () => {
            if (this.balance.get() < BigInt(amount))
                throw new RangeError("insufficient funds");
            this.balance.addAndGet(-amount);
        });
    }
    // Reentrant: the same thread may enter a monitor it holds.
    audit() {
        return ((target_3, body_3) => {
            __crucial.monitorEnter(target_3);
            try {
                return body_3();
            }
            finally {
                __crucial.monitorExit(target_3);
            }
        })(this.lock, () => ((target_4, body_4) => {
            __crucial.monitorEnter(target_4);
            try {
                return body_4();
            }
            finally {
                __crucial.monitorExit(target_4);
            }
        })(this.lock, () => this.balance.get()));
    }
    read = (counter) => ((target_5, body_5) => {
        __crucial.monitorEnter(target_5);
        try {
            return body_5();
        }
        finally {
            __crucial.monitorExit(target_5);
        }
    })(counter, () => counter.get());
}
exports.Account = Account;
