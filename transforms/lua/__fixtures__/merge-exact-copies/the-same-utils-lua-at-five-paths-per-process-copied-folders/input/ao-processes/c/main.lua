local utils = require("c.lib.utils")
return utils.copy({})
