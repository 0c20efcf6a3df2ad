local utils = require("b.lib.utils")
return utils.copy({})
