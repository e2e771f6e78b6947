/** A task module that fails to load, for the pool's load-failure test. */
throw new Error("this module refuses to load");
