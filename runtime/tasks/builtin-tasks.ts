import { IterativeSlice } from "./iterative-slice";
import { LiftedClosure } from "./lifted-closure";
import { registerTaskClass, registerValueClass } from "./registry";

/**
 * The runtime's own shippable classes. Their ids start with "crucial:", which the transformer
 * never derives from a user's declaration.
 */
registerValueClass("crucial:LiftedClosure", LiftedClosure);
registerTaskClass("crucial:IterativeSlice", IterativeSlice);
