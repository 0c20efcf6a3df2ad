local utils = require("e.lib.utils")
return utils.copy({})
