local rng = require("runtime.rng")
