local utils = require("runtime.a.lib.utils")
return utils.copy({})
